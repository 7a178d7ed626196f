// Package style holds the checks of the project's code conventions that a
// linter does not make: see its tests. It has no code of its own.
package style
