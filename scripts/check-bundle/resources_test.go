package main

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// resNode is a node of a synthetic resource tree: a directory when children
// is not nil, a leaf (data) otherwise.
type resNode struct {
	id       uint32
	children []*resNode
	data     []byte
}

// resImage lays a resource tree out as a PE resource section does and keeps
// the leaves' data by RVA.
type resImage struct {
	dir  []byte
	data map[uint32][]byte
}

func (im *resImage) read(rva, size uint32) ([]byte, error) {
	d, ok := im.data[rva]
	if !ok || uint32(len(d)) < size {
		return nil, fmt.Errorf("no data at rva %#x", rva)
	}
	return d[:size], nil
}

func (im *resImage) put32(off int, v uint32) { binary.LittleEndian.PutUint32(im.dir[off:], v) }

// directory writes n's directory and returns its offset.
func (im *resImage) directory(n *resNode) uint32 {
	off := len(im.dir)
	im.dir = append(im.dir, make([]byte, 16+8*len(n.children))...)
	binary.LittleEndian.PutUint16(im.dir[off+14:], uint16(len(n.children)))
	for i, c := range n.children {
		e := off + 16 + 8*i
		im.put32(e, c.id)
		if c.children != nil {
			sub := im.directory(c)
			im.put32(e+4, sub|0x80000000)
			continue
		}
		de := len(im.dir)
		im.dir = append(im.dir, make([]byte, 16)...)
		rva := uint32(0x10000 + 0x1000*len(im.data))
		im.data[rva] = c.data
		im.put32(de, rva)
		im.put32(de+4, uint32(len(c.data)))
		im.put32(e+4, uint32(de))
	}
	return uint32(off)
}

func newResImage(root *resNode) *resImage {
	im := &resImage{data: map[uint32][]byte{}}
	im.directory(root)
	return im
}

// leafOf returns the type → name → language chain of a resource.
func leafOf(typ, id uint32, data []byte) *resNode {
	return &resNode{id: typ, children: []*resNode{{id: id, children: []*resNode{{id: 1033, data: data}}}}}
}

// groupIcon encodes a GRPICONDIR naming the given icon IDs (256×256 each).
func groupIcon(ids ...uint16) []byte {
	b := make([]byte, 6+14*len(ids))
	binary.LittleEndian.PutUint16(b[2:], 1)
	binary.LittleEndian.PutUint16(b[4:], uint16(len(ids)))
	for i, id := range ids {
		binary.LittleEndian.PutUint16(b[6+14*i+12:], id)
	}
	return b
}

// versionInfo encodes a VS_VERSIONINFO with the given file and product
// versions, followed by extra (e.g. a UTF-16 string table).
func versionInfo(file, product fileVersion, sig uint32, extra []byte) []byte {
	b := make([]byte, 6)
	binary.LittleEndian.PutUint16(b[2:], 52)
	b = append(b, utf16le("VS_VERSION_INFO\x00")...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	ffi := make([]byte, 52)
	binary.LittleEndian.PutUint32(ffi, sig)
	binary.LittleEndian.PutUint32(ffi[8:], uint32(file[0])<<16|uint32(file[1]))
	binary.LittleEndian.PutUint32(ffi[12:], uint32(file[2])<<16|uint32(file[3]))
	binary.LittleEndian.PutUint32(ffi[16:], uint32(product[0])<<16|uint32(product[1]))
	binary.LittleEndian.PutUint32(ffi[20:], uint32(product[2])<<16|uint32(product[3]))
	b = append(b, ffi...)
	b = append(b, extra...)
	binary.LittleEndian.PutUint16(b, uint16(len(b)))
	return b
}

var pngIcon = []byte("\x89PNG\r\n\x1a\n....")

func TestCheckPEResources(t *testing.T) {
	good := versionInfo(fileVersion{0, 1, 0, 7}, fileVersion{0, 1, 0, 7}, fixedFileInfoSignature, utf16le("Gradient Descent Lab"))
	want := peWant{Version: "0.1.0", Name: "Gradient Descent Lab"}
	for _, tc := range []struct {
		name    string
		root    *resNode
		want    peWant
		problem string // substring of the expected problem; "" = none
	}{
		{
			name: "complete",
			root: &resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon), leafOf(rtGroupIcon, 1, groupIcon(1)), leafOf(rtVersion, 1, good)}},
			want: want,
		},
		{
			name:    "no icon",
			root:    &resNode{children: []*resNode{leafOf(rtVersion, 1, good)}},
			want:    want,
			problem: "no RT_ICON",
		},
		{
			name:    "group names a missing icon",
			root:    &resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon), leafOf(rtGroupIcon, 1, groupIcon(1, 2)), leafOf(rtVersion, 1, good)}},
			want:    want,
			problem: "RT_ICON 2, which is missing",
		},
		{
			name:    "icon is garbage",
			root:    &resNode{children: []*resNode{leafOf(rtIcon, 1, []byte("garbage")), leafOf(rtGroupIcon, 1, groupIcon(1)), leafOf(rtVersion, 1, good)}},
			want:    want,
			problem: "neither a PNG nor a bitmap",
		},
		{
			name:    "no version",
			root:    &resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon), leafOf(rtGroupIcon, 1, groupIcon(1))}},
			want:    want,
			problem: "no RT_VERSION",
		},
		{
			name:    "wrong version",
			root:    &resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon), leafOf(rtGroupIcon, 1, groupIcon(1)), leafOf(rtVersion, 1, good)}},
			want:    peWant{Version: "0.2.0"},
			problem: "file version 0.1.0.7, want 0.2.0",
		},
		{
			name:    "wrong name",
			root:    &resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon), leafOf(rtGroupIcon, 1, groupIcon(1)), leafOf(rtVersion, 1, good)}},
			want:    peWant{Name: "Other"},
			problem: `does not name the product "Other"`,
		},
		{
			name: "bad signature",
			root: &resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon), leafOf(rtGroupIcon, 1, groupIcon(1)),
				leafOf(rtVersion, 1, versionInfo(fileVersion{0, 1, 0, 1}, fileVersion{}, 0x1234, nil))}},
			want:    want,
			problem: "signature 0x1234",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			im := newResImage(tc.root)
			res, err := parseResources(im.dir, im.read)
			if err != nil {
				t.Fatalf("parseResources: %v", err)
			}
			problems := checkPEResources(res, tc.want)
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

func TestParseResourcesMalformed(t *testing.T) {
	ok := newResImage(&resNode{children: []*resNode{leafOf(rtIcon, 1, pngIcon)}})
	loop := newResImage(&resNode{children: []*resNode{{id: rtIcon, children: []*resNode{}}}})
	// Make the type directory point back to the root: a loop.
	binary.LittleEndian.PutUint32(loop.dir[16+4:], 0x80000000)
	for _, tc := range []struct {
		name string
		dir  []byte
	}{
		{name: "empty", dir: nil},
		{name: "truncated header", dir: ok.dir[:10]},
		{name: "truncated entries", dir: ok.dir[:20]},
		{name: "loop", dir: loop.dir},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := parseResources(tc.dir, ok.read); err == nil {
				t.Error("no error, want one")
			}
		})
	}
}

func TestParseGroupIcon(t *testing.T) {
	for _, tc := range []struct {
		name    string
		b       []byte
		wantIDs []uint32
		wantErr bool
	}{
		{name: "two", b: groupIcon(3, 4), wantIDs: []uint32{3, 4}},
		{name: "short", b: []byte{0, 0, 1}, wantErr: true},
		{name: "none", b: groupIcon(), wantErr: true},
		{name: "truncated", b: groupIcon(1, 2)[:20], wantErr: true},
		{name: "wrong type", b: append([]byte{0, 0, 2, 0}, groupIcon(1)[4:]...), wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseGroupIcon(tc.b)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if len(got) != len(tc.wantIDs) {
				t.Fatalf("%d entries, want %d", len(got), len(tc.wantIDs))
			}
			for i, e := range got {
				if e.ID != tc.wantIDs[i] || e.Width != 256 || e.Height != 256 {
					t.Errorf("entry %d = %+v, want ID %d 256x256", i, e, tc.wantIDs[i])
				}
			}
		})
	}
}

func TestParseVersion(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    [3]uint16
		wantErr bool
	}{
		{in: "0.1.0", want: [3]uint16{0, 1, 0}},
		{in: "2", want: [3]uint16{2, 0, 0}},
		{in: "1.10", want: [3]uint16{1, 10, 0}},
		{in: "1.2.3.4", wantErr: true},
		{in: "1.x", wantErr: true},
		{in: "", wantErr: true},
		{in: "70000", wantErr: true},
	} {
		got, err := parseVersion(tc.in)
		if (err != nil) != tc.wantErr || (!tc.wantErr && got != tc.want) {
			t.Errorf("parseVersion(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}
