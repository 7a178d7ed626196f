package lesson_test

import (
	"context"
	"fmt"

	"gdlab/lesson"
	"gdlab/optimizer"
)

// The lesson of the package documentation, run.
func Example() {
	l, err := lesson.Parse([]byte(`{
  "format": "gdlab-lesson/1",
  "title": "Learning rate too large",
  "text": "One paragraph for the class: what to look at, what to try.",
  "function": "x^2 + y^2",
  "box": [-5, 5, -5, 5],
  "steps": 100,
  "speed": 10,
  "runs": [
    {"method": "gd", "lr": 1, "start": [3, 2]},
    {"method": "gd", "lr": 1.1, "start": [3, 2], "gradient": "numeric", "h": 0.0001}
  ]
}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := l.Problem()  // cannot fail: Parse validated the lesson
	cs, _ := l.Configs() // likewise
	for _, r := range optimizer.RunSet(context.Background(), p, cs, nil) {
		fmt.Printf("%s lr %g: %s\n", r.Config.Method, r.Config.LR, r.Verdict)
	}
	// Output:
	// gd lr 1: oscillating
	// gd lr 1.1: diverged
}

// A misspelt field is reported with its place and the likely meaning.
func ExampleParse_error() {
	_, err := lesson.Parse([]byte(`{
  "format": "gdlab-lesson/1",
  "title": "Typo",
  "function": "x^2",
  "stpes": 10,
  "runs": [{"method": "gd", "lr": 0.1, "start": [1]}]
}`))
	fmt.Println(err)
	// Output:
	// line 5, column 3: unknown field "stpes" (did you mean "steps"?)
}

// The titles of the built-in lessons, in teaching order.
func ExampleBuiltIn() {
	for i, l := range lesson.BuiltIn() {
		fmt.Printf("%d. %s\n", i+1, l.Title)
	}
	// Output:
	// 1. The textbook example
	// 2. Learning rate too small
	// 3. Learning rate too large
	// 4. A learning-rate sweep
	// 5. A saddle point
	// 6. gd, momentum and Adam on Rosenbrock
	// 7. Himmelblau's four basins
	// 8. Rastrigin's local minima
	// 9. When the numeric gradient fails
	// 10. The book's gradient descent
	// 11. The book's learning rates 10 and 1e-10
	// 12. An h too small: 1e-50
	// 13. Why a blog's numbers differ
	// 14. The book's four optimizers
	// 15. Noisy gradients and a decaying learning rate
	// 16. Fitting a line: the loss is a valley over (w, b)
	// 17. Mini-batches of 1, 8 and all 50 points
	// 18. Logistic regression: the boundary turns into place
	// 19. A learning rate too large on the data's loss
	// 20. A network for moons: no straight line works
}
