// Package message holds the sentences a person reads as data: a Message is
// a Kind (its key, which is also its English template) and typed arguments
// (numbers, names, quoted input, nested messages). Packages declare their
// kinds once, at package level, with Define; the text is made in one place,
// Render, from a Translator: the identity (English, the CLI) or the window's
// translation packs (lang.L). Nothing ever parses a rendered message back
// into its parts.
//
// A key's verbs are %s only, one per argument, or %[n]s where a language
// needs another order; each argument renders itself (a number with one
// formatter, a nested message in the same language), so a translation cannot
// get a verb wrong.
package message
