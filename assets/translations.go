package assets

import "embed"

// Translations holds the window's strings in every language it speaks, one
// go-i18n JSON file per language (translations/en.json, translations/de.json),
// for Fyne's lang.AddTranslationsFS.
//
//go:embed translations/*.json
var Translations embed.FS
