package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf16"
)

// peWant is what checkPE expects of a Windows executable.
type peWant struct {
	Version string   // x.y.z expected in the version resource; "" = any
	Name    string   // product name expected in the version resource; "" = any
	Tags    []string // build tags the Go build info must list
}

// checkPE checks that path is a stripped 64-bit GUI PE executable with an
// icon (RT_ICON and RT_GROUP_ICON) and a version resource (RT_VERSION), and
// returns what is wrong.
func checkPE(path string, want peWant) []string {
	raw, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	// The DOS header's "MZ", and at e_lfanew the "PE\0\0" signature.
	if len(raw) < 0x40 || raw[0] != 'M' || raw[1] != 'Z' {
		return []string{"not a PE file: no MZ header"}
	}
	lfanew := binary.LittleEndian.Uint32(raw[0x3c:])
	if uint64(lfanew)+4 > uint64(len(raw)) || !bytes.Equal(raw[lfanew:lfanew+4], []byte("PE\x00\x00")) {
		return []string{"not a PE file: no PE signature at e_lfanew"}
	}
	f, err := pe.NewFile(bytes.NewReader(raw))
	if err != nil {
		return []string{"not a PE file: " + err.Error()}
	}
	defer f.Close()

	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		bad("machine %#x, want AMD64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return append(problems, "not a 64-bit (PE32+) image")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		bad("subsystem %d, want %d (GUI: no console window)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	if f.NumberOfSymbols != 0 || f.PointerToSymbolTable != 0 {
		bad("has a COFF symbol table (%d symbols): not stripped", f.NumberOfSymbols)
	}
	problems = append(problems, checkBuildInfo(path, want.Tags)...)

	if len(oh.DataDirectory) <= pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
		return append(problems, "no resource data directory")
	}
	rd := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if rd.VirtualAddress == 0 || rd.Size == 0 {
		return append(problems, "no resources (no icon, no version information)")
	}
	read := func(rva, size uint32) ([]byte, error) { return readRVA(f, rva, size) }
	dir, err := read(rd.VirtualAddress, rd.Size)
	if err != nil {
		return append(problems, "resource directory: "+err.Error())
	}
	res, err := parseResources(dir, read)
	if err != nil {
		return append(problems, "resources: "+err.Error())
	}
	return append(problems, checkPEResources(res, want)...)
}

// checkPEResources checks the icon and version resources.
func checkPEResources(res []resource, want peWant) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	byType := map[uint32][]resource{}
	for _, r := range res {
		byType[r.Type] = append(byType[r.Type], r)
	}

	icons := map[uint32]bool{}
	for _, r := range byType[rtIcon] {
		// An icon image is a PNG or a BITMAPINFOHEADER (40 bytes long).
		if !bytes.HasPrefix(r.Data, []byte("\x89PNG\r\n\x1a\n")) &&
			(len(r.Data) < 40 || binary.LittleEndian.Uint32(r.Data) != 40) {
			bad("RT_ICON %d is neither a PNG nor a bitmap", r.ID)
		}
		icons[r.ID] = true
	}
	if len(icons) == 0 {
		bad("no RT_ICON resource")
	}
	groups := byType[rtGroupIcon]
	if len(groups) == 0 {
		bad("no RT_GROUP_ICON resource")
	}
	for _, g := range groups {
		entries, err := parseGroupIcon(g.Data)
		if err != nil {
			bad("RT_GROUP_ICON: %v", err)
			continue
		}
		for _, e := range entries {
			if !icons[e.ID] {
				bad("RT_GROUP_ICON names RT_ICON %d, which is missing", e.ID)
			}
		}
	}

	versions := byType[rtVersion]
	if len(versions) == 0 {
		return append(problems, "no RT_VERSION resource")
	}
	file, product, err := parseVersionInfo(versions[0].Data)
	if err != nil {
		return append(problems, "RT_VERSION: "+err.Error())
	}
	if want.Version != "" {
		v, err := parseVersion(want.Version)
		if err != nil {
			return append(problems, err.Error())
		}
		if file[0] != v[0] || file[1] != v[1] || file[2] != v[2] {
			bad("file version %s, want %s.*", file, want.Version)
		}
		if product != (fileVersion{}) && (product[0] != v[0] || product[1] != v[1] || product[2] != v[2]) {
			bad("product version %s, want %s.*", product, want.Version)
		}
	}
	if want.Name != "" && !bytes.Contains(versions[0].Data, utf16le(want.Name)) {
		bad("version resource does not name the product %q", want.Name)
	}
	return problems
}

// readRVA returns size bytes of the image at the relative virtual address rva.
func readRVA(f *pe.File, rva, size uint32) ([]byte, error) {
	for _, s := range f.Sections {
		if rva < s.VirtualAddress || uint64(rva)+uint64(size) > uint64(s.VirtualAddress)+uint64(max(s.VirtualSize, s.Size)) {
			continue
		}
		data, err := s.Data()
		if err != nil {
			return nil, err
		}
		off := rva - s.VirtualAddress
		if uint64(off)+uint64(size) > uint64(len(data)) {
			return nil, fmt.Errorf("rva %#x+%d beyond the data of section %s", rva, size, s.Name)
		}
		return data[off : off+size], nil
	}
	return nil, fmt.Errorf("rva %#x+%d in no section", rva, size)
}

// parseVersion parses "x", "x.y" or "x.y.z" into three numbers.
func parseVersion(s string) ([3]uint16, error) {
	var v [3]uint16
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return v, fmt.Errorf("version %q has more than three parts", s)
	}
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil {
			return v, fmt.Errorf("version %q: %q is not a number", s, p)
		}
		v[i] = uint16(n)
	}
	return v, nil
}

// utf16le encodes s as UTF-16, little endian, without a terminator.
func utf16le(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return b
}
