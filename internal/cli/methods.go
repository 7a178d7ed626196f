package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"gdlab/optimizer"
	"gdlab/report"
)

// cmdMethods lists the method registry: one block per method, or with
// --markdown the table that README.md shows.
func cmdMethods(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gdlab methods", flag.ContinueOnError)
	fs.SetOutput(stderr)
	markdown := fs.Bool("markdown", false, "print a Markdown table (the one in README.md)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *markdown {
		return methodsMarkdown(stdout)
	}
	return methodsText(stdout)
}

// methodsText writes one block per method: its name (and other names), what
// it is, its update rule and its hyperparameters, as the flags set them.
//
//	NAME (also ALIAS): DOC
//	  rule    RULE
//	  --NAME  SYMBOL = DEFAULT, RANGE: DOC
func methodsText(w io.Writer) error {
	for i, m := range optimizer.Methods() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s%s: %s\n", m.Name, aliases(m, "", ""), m.Doc.New())
		width := len("rule")
		for _, p := range m.Params {
			width = max(width, len("--"+p.Name))
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, "rule", m.Rule)
		for _, p := range m.Params {
			fmt.Fprintf(w, "  %-*s  %s\n", width, "--"+p.Name, paramText(p))
		}
	}
	return nil
}

// methodsMarkdown writes the registry as a Markdown table, a row per method.
func methodsMarkdown(w io.Writer) error {
	fmt.Fprintln(w, "| method | what it is | update rule | hyperparameters (flag, symbol = default, valid values: meaning) |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, m := range optimizer.Methods() {
		params := make([]string, len(m.Params))
		for i, p := range m.Params {
			params[i] = "`--" + p.Name + "` " + cell(paramText(p))
		}
		hyper := strings.Join(params, "<br>")
		if hyper == "" {
			hyper = "—"
		}
		fmt.Fprintf(w, "| `%s`%s | %s | %s | %s |\n",
			m.Name, aliases(m, "`", "`"), cell(m.Doc.New().String()), cell(m.Rule), hyper)
	}
	return nil
}

// aliases is " (also NAME, NAME)" for a method with other names, each
// between open and shut; "" for one without.
func aliases(m optimizer.MethodSpec, open, shut string) string {
	if len(m.Aliases) == 0 {
		return ""
	}
	return " (also " + open + strings.Join(m.Aliases, shut+", "+open) + shut + ")"
}

// paramText is one hyperparameter in a line, "SYMBOL = DEFAULT, RANGE:
// DOC", with the default of the method p belongs to.
func paramText(p optimizer.Param) string {
	return fmt.Sprintf("%s = %s, %s%s: %s", p.Symbol, report.Exact(p.Default), p.Range(), zeroNote(p), p.Doc.New())
}

// cell makes s safe in a cell of a Markdown table.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
