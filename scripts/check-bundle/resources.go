package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// maxResourceDepth bounds the walk of the resource tree (type, name,
// language: 3 levels), so a malformed file with a loop cannot hang it.
const maxResourceDepth = 3

// resource is one leaf of a PE resource tree.
type resource struct {
	Type, ID uint32 // type and name IDs (0 when given by a string name)
	Data     []byte
}

// rvaReader reads size bytes at a relative virtual address of the image.
type rvaReader func(rva, size uint32) ([]byte, error)

// parseResources walks the resource directory dir (the contents of the
// resource data directory, which starts at RVA base) and returns its leaves.
// Data is read through read, as leaves may lie outside dir.
func parseResources(dir []byte, read rvaReader) ([]resource, error) {
	var out []resource
	var walk func(off uint32, depth int, path []uint32) error
	walk = func(off uint32, depth int, path []uint32) error {
		if depth >= maxResourceDepth {
			return errors.New("resource tree deeper than type/name/language")
		}
		if uint64(off)+16 > uint64(len(dir)) {
			return fmt.Errorf("resource directory at %#x beyond the section", off)
		}
		named := binary.LittleEndian.Uint16(dir[off+12:])
		ids := binary.LittleEndian.Uint16(dir[off+14:])
		n := uint32(named) + uint32(ids)
		if uint64(off)+16+8*uint64(n) > uint64(len(dir)) {
			return fmt.Errorf("resource directory at %#x: %d entries beyond the section", off, n)
		}
		for i := uint32(0); i < n; i++ {
			e := dir[off+16+8*i:]
			name := binary.LittleEndian.Uint32(e)
			target := binary.LittleEndian.Uint32(e[4:])
			id := name
			if name&0x80000000 != 0 {
				id = 0 // a string name
			}
			p := append(append([]uint32(nil), path...), id)
			if target&0x80000000 != 0 {
				if err := walk(target&0x7fffffff, depth+1, p); err != nil {
					return err
				}
				continue
			}
			// IMAGE_RESOURCE_DATA_ENTRY: OffsetToData (an RVA), Size, CodePage, Reserved.
			if uint64(target)+16 > uint64(len(dir)) {
				return fmt.Errorf("resource data entry at %#x beyond the section", target)
			}
			rva := binary.LittleEndian.Uint32(dir[target:])
			size := binary.LittleEndian.Uint32(dir[target+4:])
			data, err := read(rva, size)
			if err != nil {
				return fmt.Errorf("resource %v: %w", p, err)
			}
			r := resource{Type: p[0], Data: data}
			if len(p) > 1 {
				r.ID = p[1]
			}
			out = append(out, r)
		}
		return nil
	}
	if err := walk(0, 0, nil); err != nil {
		return nil, err
	}
	return out, nil
}

// groupIconEntry is one image of an icon group (GRPICONDIRENTRY).
type groupIconEntry struct {
	Width, Height int // in pixels; 256 is stored as 0
	ID            uint32
}

// parseGroupIcon decodes an RT_GROUP_ICON resource (GRPICONDIR).
func parseGroupIcon(b []byte) ([]groupIconEntry, error) {
	if len(b) < 6 {
		return nil, errors.New("icon group shorter than its header")
	}
	if reserved, typ := binary.LittleEndian.Uint16(b), binary.LittleEndian.Uint16(b[2:]); reserved != 0 || typ != 1 {
		return nil, fmt.Errorf("icon group header reserved=%d type=%d, want 0 and 1", reserved, typ)
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	if n == 0 {
		return nil, errors.New("icon group has no images")
	}
	if len(b) < 6+14*n {
		return nil, fmt.Errorf("icon group of %d images truncated", n)
	}
	out := make([]groupIconEntry, n)
	for i := range out {
		e := b[6+14*i:]
		w, h := int(e[0]), int(e[1])
		if w == 0 {
			w = 256
		}
		if h == 0 {
			h = 256
		}
		out[i] = groupIconEntry{Width: w, Height: h, ID: uint32(binary.LittleEndian.Uint16(e[12:]))}
	}
	return out, nil
}

// fixedFileInfoSignature starts VS_FIXEDFILEINFO.
const fixedFileInfoSignature = 0xFEEF04BD

// fileVersion is the four-part version of VS_FIXEDFILEINFO.
type fileVersion [4]uint16

func (v fileVersion) String() string { return fmt.Sprintf("%d.%d.%d.%d", v[0], v[1], v[2], v[3]) }

// parseVersionInfo decodes the fixed part of an RT_VERSION resource
// (VS_VERSIONINFO) and returns its file and product versions.
func parseVersionInfo(b []byte) (file, product fileVersion, err error) {
	// wLength, wValueLength, wType, then the key "VS_VERSION_INFO" in UTF-16
	// with its terminating zero, padded to 32 bits, then VS_FIXEDFILEINFO.
	const key = "VS_VERSION_INFO"
	off := 6 + 2*(len(key)+1)
	off = (off + 3) &^ 3
	if len(b) < off+52 {
		return file, product, errors.New("version resource shorter than VS_FIXEDFILEINFO")
	}
	for i, r := range key {
		if binary.LittleEndian.Uint16(b[6+2*i:]) != uint16(r) {
			return file, product, errors.New("version resource does not start with VS_VERSION_INFO")
		}
	}
	if valueLen := binary.LittleEndian.Uint16(b[2:]); valueLen < 52 {
		return file, product, fmt.Errorf("VS_FIXEDFILEINFO length %d, want 52", valueLen)
	}
	ffi := b[off:]
	if sig := binary.LittleEndian.Uint32(ffi); sig != fixedFileInfoSignature {
		return file, product, fmt.Errorf("VS_FIXEDFILEINFO signature %#x, want %#x", sig, fixedFileInfoSignature)
	}
	split := func(ms, ls uint32) fileVersion {
		return fileVersion{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	}
	file = split(binary.LittleEndian.Uint32(ffi[8:]), binary.LittleEndian.Uint32(ffi[12:]))
	product = split(binary.LittleEndian.Uint32(ffi[16:]), binary.LittleEndian.Uint32(ffi[20:]))
	return file, product, nil
}
