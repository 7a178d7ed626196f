package optimizer

import (
	"context"
	"sync"
)

// RunSet runs every config on p concurrently, one goroutine each, and
// returns the results in the order of cs. report (may be nil) gets the index
// of the run a progress snapshot belongs to; its calls are serialised (never
// two at once), so it needs no locking of its own, but it should return
// quickly since the runs wait for it.
func RunSet(ctx context.Context, p Problem, cs []Config, report func(i int, pr Progress)) []Result {
	out := make([]Result, len(cs))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, c := range cs {
		var rep func(Progress)
		if report != nil {
			rep = func(pr Progress) {
				mu.Lock()
				defer mu.Unlock()
				report(i, pr)
			}
		}
		wg.Go(func() { out[i] = run(ctx, p, c, TrajectoryBytes/max(1, len(cs)), rep) })
	}
	wg.Wait()
	return out
}
