package lesson

import (
	"strings"
	"testing"
)

// syntaxErrors has a file for each context of encoding/json's syntax
// errors, with the message Parse gives.
func syntaxErrors(t *testing.T) []parseError {
	return []parseError{
		{"missing colon", edit(t, `"steps": 10`, `"steps" 10`),
			`line 5, column 11: invalid character '1' after a field name (a colon : must follow a field name)`},
		{"key without value", edit(t, `"steps": 10`, `"steps"}`),
			`line 5, column 10: invalid character '}' after a field name (a colon : must follow a field name)`},
		{"missing comma in list", edit(t, `[3, 2]`, `[3 2]`),
			`line 7, column 45: invalid character '2' after a list item (is a comma missing?)`},
		{"trailing comma in list", edit(t, `[3, 2]`, `[3, 2,]`),
			`line 7, column 48: invalid character ']' looking for beginning of value (is there a comma before it? JSON allows none after the last item)`},
		{"unquoted key", edit(t, `"steps"`, `steps`),
			`line 5, column 3: invalid character 's' looking for beginning of object key string (a field name needs double quotes)`},
		{"backslash", edit(t, `"title": "T"`, `"title": "C:\Users"`),
			`line 3, column 16: invalid character 'U' after \ in a string (a backslash \ inside a string must be written \\)`},
		{"short \\u", edit(t, `"title": "T"`, `"title": "\u12g4"`),
			`line 3, column 17: invalid character 'g' in a \u escape (\u must be followed by four hexadecimal digits)`},
		{"letter in number", edit(t, `"lr": 0.1`, `"lr": 0.1x`),
			`line 7, column 31: invalid character 'x' after object key:value pair (is a comma missing?)`},
		{"sign alone", edit(t, `"lr": 0.1`, `"lr": -x`),
			`line 7, column 29: invalid character 'x' in a number`},
		{"point alone", edit(t, `"lr": 0.1`, `"lr": 1.x`),
			`line 7, column 30: invalid character 'x' after the decimal point of a number`},
		{"empty exponent", edit(t, `"lr": 0.1`, `"lr": 1ex`),
			`line 7, column 30: invalid character 'x' in the exponent of a number`},
		{"-Infinity", edit(t, `"lr": 0.1`, `"lr": -Infinity`),
			`line 7, column 29: invalid character 'I' in a number (JSON has no NaN or Infinity)`},
		{"misspelt true", edit(t, `"lr": 0.1`, `"lr": tru`),
			`line 7, column 31: invalid character ',' in the word true (expected 'e')`},
		{"misspelt null", edit(t, `"lr": 0.1`, `"lr": nul`),
			`line 7, column 31: invalid character ',' in the word null (expected 'l')`},
		{"control character", edit(t, `"title": "T"`, "\"title\": \"T\tU\""),
			`line 3, column 14: invalid character '\t' in string literal (a line break or tab inside a string must be written \n or \t)`},
		{"hash comment", edit(t, `"steps": 10`, `"steps": 10, # ten`),
			`line 5, column 16: invalid character '#' looking for beginning of object key string (JSON has no comments)`},
	}
}

// TestParseSyntaxErrors checks that every context of a syntax error is one
// of the package's sentences, with its hint.
func TestParseSyntaxErrors(t *testing.T) {
	for _, tt := range syntaxErrors(t) {
		_, err := Parse([]byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: error\n got: %v\nwant: %s", tt.name, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "invalid JSON") {
			t.Errorf("%s: a context of encoding/json was not recognised: %v", tt.name, err)
		}
	}
}
