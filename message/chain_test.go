package message

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestChainAndOpenError: a chain is its message (As, Error) and still its
// cause (errors.Is, errors.As); opening a missing file, a folder's entry
// of a file, and a denied file give the three kinds with the path.
func TestChainAndOpenError(t *testing.T) {
	notFound, denied, cannot := Define("%s is nowhere"), Define("%s is closed"), Define("%s: %s")
	_, err := os.Open(filepath.Join(t.TempDir(), "none.csv"))
	e := OpenError("none.csv", err, notFound, denied, cannot)
	m, ok := As(e)
	var pe *fs.PathError
	if !ok || e.Error() != "none.csv is nowhere" || m.Error() != e.Error() || !errors.Is(e, fs.ErrNotExist) || !errors.As(e, &pe) {
		t.Errorf("not found: %q (message %v), is ErrNotExist %v", e, ok, errors.Is(e, fs.ErrNotExist))
	}
	if e := OpenError("p", &fs.PathError{Op: "open", Path: "p", Err: fs.ErrPermission}, notFound, denied, cannot); e.Error() != "p is closed" {
		t.Errorf("denied: %q", e)
	}
	odd := &fs.PathError{Op: "open", Path: "p", Err: errors.New("too many links")}
	if e := OpenError("p", odd, notFound, denied, cannot); e.Error() != "p: too many links" || !errors.Is(e, odd.Err) {
		t.Errorf("another reason: %q", e)
	}
}
