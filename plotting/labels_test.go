package plotting

import (
	"image"
	"strings"
	"testing"
)

// germanLabels are complete German labels.
func germanLabels() *Labels {
	return &Labels{
		Step:       "Schritt",
		Shifted:    "verschoben, damit positiv",
		Clipped:    "abgeschnitten",
		Run:        "Lauf %d",
		DivergedAt: "divergiert bei Schritt %d",

		StepH:        "Schrittweite h",
		Error:        "Fehler",
		Forward:      "Vorwärtsdifferenz",
		Central:      "zentrale Differenz",
		ChosenH:      "gewähltes h",
		Rate:         "Lernrate η",
		LogScale:     "logarithmische Skala",
		ZeroAtBottom: "0 am unteren Rand",

		Coordinate:    "Koordinate",
		CoordsOmitted: "die %d von %d, die sich am meisten bewegen",
		SliceNote:     "Schnitt durch %s, der Pfad darauf projiziert",
		AtStart:       "den Start",
		AtCurrent:     "den aktuellen Punkt",
		AtEnd:         "den Endpunkt",
		PlaneNote:     "Ebene der zwei Hauptrichtungen des Pfads: %s seiner Varianz",
		TestNote:      "gestrichelt: auf den Testzeilen",
		Accuracy:      "Genauigkeit",
		RowsShown:     "%d von %d Zeilen gezeichnet",
	}
}

// labelScene has an unlabelled run, a run that diverges and a loss that
// reaches below zero, so every word of Labels is drawn (log loss: shifted,
// linear: clipped).
func labelScene() *Scene {
	shifted := func(x, y float64) float64 { return rosen(x, y) - 5 }
	shiftedGrad := rosenGrad
	good := descend("", shifted, shiftedGrad, -1.2, 1, 0.001, 0, 300)
	boom := descend("boom", shifted, shiftedGrad, -1.2, 1, 0.01, 0, 200)
	return &Scene{Key: "labels", F: shifted, Dims: 2, Box: &Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3},
		Runs: []Run{good, boom}, Current: -1}
}

func TestOptionsLabels(t *testing.T) {
	def := DefaultLabels()
	for _, tc := range []struct {
		name string
		in   *Labels
		want Labels
	}{
		{"nil", nil, def},
		{"empty", &Labels{}, def},
		{"german", germanLabels(), *germanLabels()},
		{"partial", &Labels{Step: "Schritt", Run: "Lauf %d"},
			func() Labels { l := def; l.Step, l.Run = "Schritt", "Lauf %d"; return l }()},
	} {
		if got := (Options{Labels: tc.in}).labels(); got != tc.want {
			t.Errorf("%s: labels() = %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if def.Step == "" || def.Shifted == "" || def.Clipped == "" || def.Run == "" || def.DivergedAt == "" ||
		def.StepH == "" || def.Error == "" || def.Forward == "" || def.Central == "" || def.ChosenH == "" || def.ZeroAtBottom == "" {
		t.Errorf("DefaultLabels has an empty field: %+v", def)
	}
}

func TestWithNumber(t *testing.T) {
	for _, tc := range []struct {
		format string
		n      int
		want   string
	}{
		{"run %d", 3, "run 3"},
		{"divergiert bei Schritt %d", 70, "divergiert bei Schritt 70"},
		{"%d. Lauf", -1, "-1. Lauf"},
		{"Lauf", 2, "Lauf 2"},
		{"%s %d %x %", 5, "%s 5 %x %"},
		{"%d/%d", 1, "1/%d"},
	} {
		if got := withNumber(tc.format, tc.n); got != tc.want {
			t.Errorf("withNumber(%q, %d) = %q, want %q", tc.format, tc.n, got, tc.want)
		}
	}
}

// The words of the labels reach the loss axis label and the legend, and no
// English word is left.
func TestLabelsInTexts(t *testing.T) {
	de := germanLabels()
	runOf := func(diverged int, fs ...float64) []runView {
		return []runView{{r: &Run{F: fs, DivergedAt: diverged}, n: len(fs)}}
	}
	for _, tc := range []struct {
		name  string
		runs  []runView
		log   bool
		want  string
		avoid string
	}{
		{"shifted", runOf(-1, 3, -2, -5), true, "(verschoben, damit positiv)", "shifted"},
		{"clipped", runOf(-1, 10, 5, 1, 1e3, 1e300), false, "(abgeschnitten)", "clipped"},
	} {
		a := newLossAxis(&Scene{}, tc.runs, tc.log, Options{Labels: de}.labels())
		if !strings.Contains(a.label, tc.want) || strings.Contains(a.label, tc.avoid) {
			t.Errorf("%s: axis label %q, want %q in it and no %q", tc.name, a.label, tc.want, tc.avoid)
		}
	}
	s := labelScene()
	th := themeOf(Options{}.normalized())
	for _, tc := range []struct {
		name string
		lb   Labels
		want []string
	}{
		{"default", DefaultLabels(), []string{"run 1", "boom (diverged at step "}},
		{"german", *de, []string{"Lauf 1", "boom (divergiert bei Schritt "}},
	} {
		es := legendEntries(s, th, tc.lb)
		if len(es) != len(tc.want) {
			t.Fatalf("%s: %d legend entries, want %d", tc.name, len(es), len(tc.want))
		}
		for i, e := range es {
			if !strings.HasPrefix(e.label, tc.want[i]) {
				t.Errorf("%s: legend entry %d is %q, want it to start with %q", tc.name, i, e.label, tc.want[i])
			}
		}
	}
	if s.Runs[1].DivergedAt < 0 {
		t.Fatal("labelScene: the second run does not diverge")
	}
}

// German labels render without error and change the loss panel; nil labels
// and explicit default labels draw the same pixels.
func TestLabelsRender(t *testing.T) {
	for _, o := range []Options{
		{View: ViewLoss, Width: 400, Height: 300},
		{View: ViewLoss, Width: 400, Height: 300, LogLoss: true},
		{View: ViewBoth, Width: 600, Height: 300, LogLoss: true},
	} {
		render := func(lb *Labels) *image.RGBA {
			t.Helper()
			o := o
			o.Labels = lb
			img, err := NewRenderer().Render(nil, labelScene(), o)
			if err != nil {
				t.Fatalf("%s log=%v: %v", o.View, o.LogLoss, err)
			}
			return img
		}
		def, explicit, de := render(nil), render(new(DefaultLabels())), render(germanLabels())
		if p, diff := firstDiff(def, explicit); diff {
			t.Errorf("%s log=%v: nil and default labels differ at %v", o.View, o.LogLoss, p)
		}
		_, lossR := layout(o.normalized(), 2)
		if _, diff := firstDiff(subRGBA(def, lossR), subRGBA(de, lossR)); !diff {
			t.Errorf("%s log=%v: German labels draw the same loss panel as English", o.View, o.LogLoss)
		}
	}
}

// The loss frame's cache key tells labels apart (by their words, not the
// pointer), and a Renderer that drew one language draws the other exactly
// as a fresh Renderer does: no cached part keeps the old words.
func TestLabelsCache(t *testing.T) {
	s := labelScene()
	o := Options{View: ViewLoss, Width: 400, Height: 300}.normalized()
	runs := lossRuns(s)
	key := func(lb *Labels) string {
		o := o
		o.Labels = lb
		k, _ := lossKey(s, o, runs)
		return k
	}
	if key(nil) == key(germanLabels()) {
		t.Error("loss key: German and default labels give the same key")
	}
	a, b := germanLabels(), germanLabels() // equal content, different pointers
	if key(nil) != key(new(DefaultLabels())) || key(a) != key(b) {
		t.Error("loss key: equal labels give different keys")
	}
	for _, view := range []View{ViewLoss, ViewBoth, ViewContour} {
		for _, log := range []bool{false, true} {
			o := Options{View: view, Width: 500, Height: 300, LogLoss: log}
			de := o
			de.Labels = germanLabels()
			r, s := NewRenderer(), labelScene() // one scene: the loss key names its slices
			for i, oo := range []Options{o, de, o} {
				got, err := r.Render(nil, s, oo)
				if err != nil {
					t.Fatal(err)
				}
				want, err := NewRenderer().Render(nil, s, oo)
				if err != nil {
					t.Fatal(err)
				}
				if p, diff := firstDiff(got, want); diff {
					t.Errorf("%s log=%v, render %d: a warm Renderer differs from a fresh one at %v", view, log, i, p)
				}
			}
		}
	}
}
