package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const goodDesktop = `[Desktop Entry]
Type=Application
Name=Gradient Descent Lab
GenericName=Gradient descent visualiser
Exec=gdlab %f
MimeType=application/json;
Icon=io.github.gdlab.gradientdescentlab
Comment=Watch gradient descent work on a function you type
Categories=Education;Science;
Keywords=gradient;descent;

[X-Fyne Source]
Name=ignored
`

var wantDesktop = desktopWant{
	Name:       "Gradient Descent Lab",
	Categories: []string{"Education", "Science"},
	ExecArg:    "%f",
	MimeType:   "application/json",
}

func TestCheckDesktop(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		problem string // substring of the expected problem; "" = none
	}{
		{name: "good", text: goodDesktop},
		{name: "wrong name", text: strings.Replace(goodDesktop, "Name=Gradient Descent Lab", "Name=gdlab", 1), problem: `Name="gdlab"`},
		{name: "no %f", text: strings.Replace(goodDesktop, "Exec=gdlab %f", "Exec=gdlab", 1), problem: "does not pass %f"},
		{name: "%f in the program name", text: strings.Replace(goodDesktop, "Exec=gdlab %f", "Exec=%f", 1), problem: "does not pass %f"},
		{name: "no Exec", text: strings.Replace(goodDesktop, "Exec=gdlab %f\n", "", 1), problem: "no Exec"},
		{name: "no Science", text: strings.Replace(goodDesktop, "Science;", "", 1), problem: "does not list Science"},
		{name: "no icon", text: strings.Replace(goodDesktop, "Icon=io.github.gdlab.gradientdescentlab\n", "", 1), problem: "no Icon"},
		{name: "no mime", text: strings.Replace(goodDesktop, "MimeType=application/json;\n", "", 1), problem: "does not declare application/json"},
		{name: "not an application", text: strings.Replace(goodDesktop, "Type=Application", "Type=Link", 1), problem: `Type="Link"`},
		{name: "other group only", text: "[Other]\nName=x\n", problem: "no [Desktop Entry] group"},
		{name: "key before group", text: "Name=x\n" + goodDesktop, problem: "before the [Desktop Entry] group"},
		{name: "garbage line", text: goodDesktop + "garbage\n", problem: "neither a group"},
		{name: "keys of another group ignored", text: strings.Replace(goodDesktop, "Name=Gradient Descent Lab\n", "", 1), problem: "no Name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "app.desktop")
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			problems := checkDesktop(path, wantDesktop)
			if tc.problem == "" {
				if len(problems) > 0 {
					t.Errorf("problems %q, want none", problems)
				}
				return
			}
			if !strings.Contains(strings.Join(problems, "\n"), tc.problem) {
				t.Errorf("problems %q, want one containing %q", problems, tc.problem)
			}
		})
	}
}

func TestCheckDesktopMissingFile(t *testing.T) {
	if problems := checkDesktop(filepath.Join(t.TempDir(), "none.desktop"), wantDesktop); len(problems) == 0 {
		t.Error("no problem for a missing file")
	}
}
