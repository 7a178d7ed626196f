package assets

import "embed"

// Lessons holds the built-in lesson pack: one lesson per file, named
// lessons/NN-name.json so that sorting the names gives the teaching order.
// The format is documented in package gdlab/lesson, which reads them
// (lesson.BuiltIn).
//
//go:embed lessons/*.json
var Lessons embed.FS
