package model

import (
	"encoding/csv"
	"errors"

	"gdlab/message"
)

// The model package's messages. Each key is its English template; the
// German texts are in assets/translations/model.de.json. A file's name and
// a data set's or a model's name are message.Text, a line, a column's
// position or a count message.Int, a column's name and a field of the file
// message.Quote, and an error from outside the program (encoding/csv's, the
// file system's) a nested message when the package knows it, else its text.
// An error of a CSV file starts with the file and the line, "FILE:LINE: ",
// as a compiler's does.
var (
	// LoadCSV.
	msgColumnCount  = message.Define("%s: give two or three columns (x,y; x1,x2,y; x,label; x1,x2,label), not %s")
	msgEmptyFile    = message.Define("%s: the file is empty: it needs a header row naming its columns")
	msgTooManyRows  = message.Define("%s: more than %s rows (line %s): a data set may have at most %s")
	msgNoRows       = message.Define("%s: no rows after the header")
	msgNoColumn     = message.Define("%s:1: no column %s in the header (it has %s)")
	msgHeaderTwice  = message.Define("%s:1: the header names column %s twice (columns %s and %s): rename one")
	msgColumnTwice  = message.Define("%s: column %s is given twice: give each column once, the inputs first, the target last")
	msgFieldMissing = message.Define("%s:%s: column %s is missing (the line has %s fields)")
	msgNotFinite    = message.Define("%s:%s: column %s: %s is not a finite number")
	msgNotLabel     = message.Define("%s:%s: column %s: %s is not a label 0 or 1")
	msgBinary       = message.Define("%s:%s: not a text file (binary data on this line)")
	msgCSVSyntax    = message.Define("%s:%s: column %s: %s")
	msgCSVRead      = message.Define("%s: %s")
	// encoding/csv's reasons, in its words.
	msgBareQuote  = message.Define(`bare " in non-quoted-field`)
	msgQuote      = message.Define(`extraneous or missing " in quoted-field`)
	msgFieldCount = message.Define("wrong number of fields")

	// Opening a CSV file.
	msgNotFound     = message.Define("%s does not exist")
	msgNoPermission = message.Define("%s cannot be read: permission denied")
	msgIsFolder     = message.Define("%s is a folder, not a CSV file")
	msgCannotOpen   = message.Define("%s cannot be opened: %s")

	// ParseModel and NewLoss.
	msgUnknownModel = message.Define("model %s: the models are %s")
	msgModelInputs  = message.Define("model %s takes %s input column(s); the data has %s")
	msgDataInputs   = message.Define("model %s takes %s input column(s); the data %s has %s")
	msgDataNoRows   = message.Define("the data %s has no rows")
	msgClassifies   = message.Define("model %s classifies: the data %s has values, not labels 0 and 1 (use linear or polynomial:D)")
	msgFitsValues   = message.Define("model %s fits values: the data %s has labels 0 and 1 (use logistic or mlp:H)")

	// NewData: rows given inline.
	msgInlineNoRows    = message.Define("%s: no rows")
	msgInlineRowLen    = message.Define("%s: row %s has %s values; the %s columns are %s")
	msgInlineNotFinite = message.Define("%s: row %s: column %s: %s is not a finite number")
	msgInlineNotLabel  = message.Define("%s: row %s: column %s: %s is not a label 0 or 1")

	// Spec.Learn.
	msgTestFraction = message.Define("%s is not a fraction between 0 and 1")
	msgUnknownData  = message.Define("data %s is neither a built-in data set (%s) nor a .csv file")
)

// kinds lists every kind above, for the test of the translations.
var kinds = []message.Kind{
	msgColumnCount, msgEmptyFile, msgTooManyRows, msgNoRows, msgNoColumn, msgHeaderTwice, msgColumnTwice, msgFieldMissing,
	msgNotFinite, msgNotLabel, msgBinary, msgCSVSyntax, msgCSVRead,
	msgBareQuote, msgQuote, msgFieldCount,
	msgNotFound, msgNoPermission, msgIsFolder, msgCannotOpen,
	msgUnknownModel, msgModelInputs, msgDataInputs, msgDataNoRows, msgClassifies, msgFitsValues,
	msgInlineNoRows, msgInlineRowLen, msgInlineNotFinite, msgInlineNotLabel,
	msgTestFraction, msgUnknownData,
}

// csvReasons are encoding/csv's errors that the package translates.
var csvReasons = []struct {
	err  error
	kind message.Kind
}{
	{csv.ErrBareQuote, msgBareQuote},
	{csv.ErrQuote, msgQuote},
	{csv.ErrFieldCount, msgFieldCount},
}

// wrap is the message of kind k with args and then err's reason as its
// last argument, keeping err as the cause.
func wrap(k message.Kind, err error, args ...message.Arg) error {
	return message.Chain(k.New(append(args, reason(err))...), err)
}

// reason is err as an argument of a message: its message when it has one
// (or when it is one of encoding/csv's that the package translates), else
// its text as it is.
func reason(err error) message.Arg {
	if _, ok := message.As(err); ok {
		return message.Reason(err)
	}
	for _, r := range csvReasons {
		if errors.Is(err, r.err) {
			return message.Word(r.kind)
		}
	}
	return message.Reason(err)
}

// openError is the error of opening the CSV file at path: not found, not
// allowed, or the system's reason.
func openError(path string, err error) error {
	return message.OpenError(path, err, msgNotFound, msgNoPermission, msgCannotOpen)
}
