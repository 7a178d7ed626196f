package lesson

import (
	"bytes"
	"encoding/json"
	"slices"
)

// pathElem is one step of the path to a JSON value: an object key, or an
// array index (key "" and index ≥ 0; index is -1 for keys).
type pathElem struct {
	key   string
	index int
}

// walk calls visit for every object key and every value of data, in the
// order of the text, with the path of the value (for a key: of the object
// holding it) and the byte offsets where its token starts and ends (for an
// object or array: its opening bracket). visit returns true to stop. data
// must be valid JSON; walk stops early at anything else.
func walk(data []byte, visit func(path []pathElem, start, end int, tok json.Token, isKey bool) bool) {
	type frame struct {
		array   bool
		wantKey bool
		index   int
		key     string
	}
	var stack []frame
	pathOf := func(frames []frame) []pathElem {
		p := make([]pathElem, len(frames))
		for i, f := range frames {
			if f.array {
				p[i] = pathElem{index: f.index}
			} else {
				p[i] = pathElem{key: f.key, index: -1}
			}
		}
		return p
	}
	valueDone := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		start := skipSpace(data, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return
		}
		end := int(dec.InputOffset())
		n := len(stack)
		switch {
		case n > 0 && stack[n-1].wantKey && tok == json.Delim('}'), tok == json.Delim(']'):
			if n == 0 {
				return
			}
			stack = stack[:n-1]
			valueDone()
		case n > 0 && stack[n-1].wantKey:
			key, _ := tok.(string)
			stack[n-1].key, stack[n-1].wantKey = key, false
			if visit(pathOf(stack[:n-1]), start, end, tok, true) {
				return
			}
		default:
			if visit(pathOf(stack), start, end, tok, false) {
				return
			}
			switch tok {
			case json.Delim('{'):
				stack = append(stack, frame{wantKey: true})
			case json.Delim('['):
				stack = append(stack, frame{array: true})
			default:
				valueDone()
			}
		}
	}
}

// locateValue finds the value that encoding/json's UnmarshalTypeError
// reports at offset off (the end of a scalar, or just past the opening
// bracket of an object or array) and returns its path and start offset.
func locateValue(data []byte, off int) (path []pathElem, pos int, ok bool) {
	walk(data, func(p []pathElem, start, end int, tok json.Token, isKey bool) bool {
		if isKey {
			return false
		}
		d, composite := tok.(json.Delim)
		if (composite && (d == '{' || d == '[') && start+1 == off) || (!composite && end == off) {
			path, pos, ok = p, start, true
			return true
		}
		return false
	})
	return path, pos, ok
}

// locateKey finds the first object key name that is not a field of the
// object holding it (a lesson at the top, a run inside "runs") and returns
// the path of that object and the key's start offset.
func locateKey(data []byte, name string) (path []pathElem, pos int, ok bool) {
	walk(data, func(p []pathElem, start, end int, tok json.Token, isKey bool) bool {
		if !isKey || tok != name {
			return false
		}
		inRun := len(p) == 2 && p[0].key == "runs" && p[1].index >= 0
		if (len(p) == 0 && !slices.Contains(lessonFields, name)) || (inRun && !slices.Contains(runFields, name)) {
			path, pos, ok = p, start, true
			return true
		}
		return false
	})
	return path, pos, ok
}
