package app

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"gdlab/lesson"
)

// The window speaks the language of the system locale (LC_ALL, LC_MESSAGES,
// LANG, then LANGUAGE on Linux and BSD): German for de_*, English otherwise.
// Its strings are keys of lang.L, translated by assets/translations/*.json;
// the optimizer's sentences are English and are translated here by matching
// their patterns.

// translateVerdict translates an optimizer verdict or run status ("converged",
// "max-steps", …) into the window's language; the empty string stays empty.
func translateVerdict(v string) string {
	if v == "" {
		return ""
	}
	return lang.L(v)
}

// joinAnd joins two or more numbers (or words) with the language's "and":
// "2 and 4" in English, "2 und 4" in German.
func joinAnd(parts []string) string {
	return strings.Join(parts, " "+lang.L("and")+" ")
}

// builtInLessonStrings are the titles and texts of the built-in lessons,
// the lesson strings the translation packs know.
var builtInLessonStrings = sync.OnceValue(func() map[string]bool {
	known := map[string]bool{}
	for _, l := range lesson.BuiltIn() {
		known[l.Title] = true
		known[l.Text] = true
	}
	return known
})

// translateLessonString translates the title or the text of a built-in
// lesson into the window's language; any other string (a user's own lesson
// file, or one saved from the window in another language) is returned
// unchanged, without a lookup.
func translateLessonString(s string) string {
	if s == "" || !builtInLessonStrings()[s] {
		return s
	}
	return lang.L(s)
}

// sumNumber matches a number as optimizer.fmtNum writes it ("0.1", "1.0",
// "1e-06", "-2.5", "+Inf", "NaN").
const sumNumber = `([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?|[-+]?Inf|NaN)`

// sumWhere matches the point the optimizer's sentence is about.
const sumWhere = `(current point|end point|start point)`

// saddleSuffix is appended by the optimizer to a critical-rate sentence at a
// saddle point.
const saddleSuffix = " along the upward-curving direction, but the surface curves downward in another (a saddle)"

// sentenceForm is one pattern of the optimizer's stability sentences and
// its rendering in the window's language from the submatches.
type sentenceForm struct {
	re     *regexp.Regexp
	render func(m []string) string
}

// rateForms are the sentences comparing the learning rate with the critical
// one; each may end with saddleSuffix.
var rateForms = []sentenceForm{
	{regexp.MustCompile(`^lr ` + sumNumber + ` is below the critical ` + sumNumber + `: converges$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("lr %s is below the critical %s: converges"), m[1], m[2])
		}},
	{regexp.MustCompile(`^lr ` + sumNumber + ` is the critical rate: it oscillates forever$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("lr %s is the critical rate: it oscillates forever"), m[1])
		}},
	{regexp.MustCompile(`^lr ` + sumNumber + ` is above the critical ` + sumNumber + `: diverges$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("lr %s is above the critical %s: diverges"), m[1], m[2])
		}},
}

// otherForms are the sentences without a critical learning rate.
var otherForms = []sentenceForm{
	{regexp.MustCompile(`^no critical lr: the Hessian is not finite at the ` + sumWhere + `$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: the Hessian is not finite at the %s"), translateWhere(m[1]))
		}},
	{regexp.MustCompile(`^no critical lr: the function does not curve upward at the ` + sumWhere +
		` \((largest Hessian eigenvalue|f'') ` + sumNumber + `\), so there is no bowl to overshoot$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: the function does not curve upward at the %s (%s %s), so there is no bowl to overshoot"),
				translateWhere(m[1]), translateCurve(m[2]), m[3])
		}},
	{regexp.MustCompile(`^no critical lr: the function does not curve downward at the ` + sumWhere +
		` \((smallest Hessian eigenvalue|f'') ` + sumNumber + `\), so there is no hill to overshoot$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: the function does not curve downward at the %s (%s %s), so there is no hill to overshoot"),
				translateWhere(m[1]), translateCurve(m[2]), m[3])
		}},
	{regexp.MustCompile(`^([a-z0-9]+) adapts its step size to the gradients, so it has no fixed critical lr; gd's would be ` + sumNumber + ` here$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("%s adapts its step size to the gradients, so it has no fixed critical lr; gd's would be %s here"), m[1], m[2])
		}},
}

// translateSummary translates one of the optimizer's stability sentences
// (optimizer.Analysis.Summary, optimizer.PointAnalysis.Summary) into the
// window's language. A sentence of an unknown form is returned unchanged.
func translateSummary(s string) string {
	for _, f := range otherForms {
		if m := f.re.FindStringSubmatch(s); m != nil {
			return f.render(m)
		}
	}
	base, saddle := strings.CutSuffix(s, saddleSuffix)
	for _, f := range rateForms {
		if m := f.re.FindStringSubmatch(base); m != nil {
			out := f.render(m)
			if saddle {
				out += " " + lang.L("along the upward-curving direction, but the surface curves downward in another (a saddle)")
			}
			return out
		}
	}
	return s
}

// translateWhere translates the point a sentence is about; the German forms
// follow "im" (dative).
func translateWhere(w string) string {
	switch w {
	case "current point":
		return lang.L("current point")
	case "end point":
		return lang.L("end point")
	case "start point":
		return lang.L("start point")
	}
	return w
}

// translateCurve translates the curvature a sentence quotes; the second
// derivative of a 1-D function reads the same in every language.
func translateCurve(c string) string {
	switch c {
	case "largest Hessian eigenvalue":
		return lang.L("largest Hessian eigenvalue")
	case "smallest Hessian eigenvalue":
		return lang.L("smallest Hessian eigenvalue")
	}
	return c
}
