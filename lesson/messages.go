package lesson

import (
	"gdlab/message"
)

// The messages of lesson files. Each key is its English template; the
// German texts are in assets/translations/lesson.de.json. The variable parts
// are typed arguments: a field name is message.Quote of its JSON name, a
// count message.Int, a number from the file message.Value, a path or a
// piece of input message.Text, the place in the file a nested message
// (msgWhere), and an error inside another one (a run's, the function's, the
// file system's, the model package's) a nested message when it has one,
// else its text.
var (
	// Where an error is: the place in the file, the run, the function.
	msgAt       = message.Define("%s: %s")
	msgWhere    = message.Define("line %s, column %s")
	msgRun      = message.Define("run %s: %s")
	msgFunction = message.Define("function: %s")
	msgData     = message.Define("data: %s")
	msgDataFunc = message.Define(`give "function" or "data", not both`)
	msgDataSet  = message.Define(`"set" %s is not a built-in data set: the sets are %s`)
	// A lesson's data: a built-in set or the rows themselves.
	msgSetOrRows     = message.Define(`give "set" (a built-in data set) or "columns" and "rows" (the data itself)`)
	msgSetAndRows    = message.Define(`give "set" or "rows", not both`)
	msgColumnsNoRows = message.Define(`"columns" names the columns of "rows": give the rows too`)
	msgRowsNoColumns = message.Define(`"rows" needs "columns": the names of its columns, the inputs first, the target last`)
	msgRowNull       = message.Define(`"rows": row %s, value %s is null: give a number`)
	msgBatchNoData   = message.Define(`"batch" is for a lesson that learns from "data"`)

	// The file as a whole.
	msgTooLarge      = message.Define("the lesson file is larger than 1 MiB")
	msgEmpty         = message.Define("the lesson file is empty")
	msgTrailing      = message.Define("unexpected text after the end of the lesson (a file holds one lesson, one {…})")
	msgUnexpectedEOF = message.Define(`unexpected end of the file: a closing }, ] or " is missing`)
	msgNotJSON       = message.Define("the lesson file is not valid JSON: %s")
	msgTooDeep       = message.Define("the lesson is nested too deeply (more than %s levels of [ or {)")

	// JSON syntax: the character where the file stops being JSON, in Go's
	// quoting ('}', '\n'), and where it is.
	msgBadValue     = message.Define("invalid character %s looking for beginning of value")
	msgBadKey       = message.Define("invalid character %s looking for beginning of object key string")
	msgAfterKey     = message.Define("invalid character %s after a field name")
	msgAfterPair    = message.Define("invalid character %s after object key:value pair")
	msgAfterItem    = message.Define("invalid character %s after a list item")
	msgInString     = message.Define("invalid character %s in string literal")
	msgInEscape     = message.Define(`invalid character %s after \ in a string`)
	msgInHex        = message.Define(`invalid character %s in a \u escape`)
	msgInNumber     = message.Define("invalid character %s in a number")
	msgAfterPoint   = message.Define("invalid character %s after the decimal point of a number")
	msgInExponent   = message.Define("invalid character %s in the exponent of a number")
	msgInLiteral    = message.Define("invalid character %s in the word %s (expected %s)")
	msgSyntax       = message.Define("invalid JSON: %s")
	msgWithHint     = message.Define("%s (%s)")
	hintComments    = message.Define("JSON has no comments")
	hintQuotes      = message.Define("JSON strings need double quotes")
	hintLastComma   = message.Define("is there a comma before it? JSON allows none after the last item")
	hintNaN         = message.Define("JSON has no NaN or Infinity")
	hintComma       = message.Define("is a comma missing?")
	hintControl     = message.Define(`a line break or tab inside a string must be written \n or \t`)
	hintKeyQuotes   = message.Define("a field name needs double quotes")
	hintColon       = message.Define("a colon : must follow a field name")
	hintBackslash   = message.Define(`a backslash \ inside a string must be written \\`)
	hintHexDigits   = message.Define(`\u must be followed by four hexadecimal digits`)
	msgUnknownField = message.Define("unknown field %s")
	msgFieldGuess   = message.Define("unknown field %s (did you mean %s?)")
	msgFieldList    = message.Define("unknown field %s (the fields are %s)")

	// A value of the wrong kind: the subject, what it must be, what it is.
	msgMustBe       = message.Define("%s must be %s, not %s")
	msgOutOfRange   = message.Define("%s %s is out of range for a number")
	msgItem         = message.Define("%s item %s")
	msgRunSubject   = message.Define("run %s")
	wordTheLesson   = message.Define("the lesson")
	wordWholeNumber = message.Define("a whole number")
	wordNumber      = message.Define("a number")
	wordQuoted      = message.Define("a string in double quotes")
	wordList        = message.Define("a list [ … ]")
	wordObject      = message.Define("an object { … }")
	wordValue       = message.Define("a value")
	wordString      = message.Define("a string")
	wordBool        = message.Define("true or false")
	wordAList       = message.Define("a list")
	wordAnObject    = message.Define("an object")

	// The fields of a lesson.
	msgMissing       = message.Define("%s is missing")
	msgNoFormat      = message.Define(`"format" is missing: a lesson file says "format": %s`)
	msgOtherFormat   = message.Define("format %s is not supported: this version of Gradient Descent Lab reads %s")
	msgTooLong       = message.Define("%s is %s characters long: at most %s are allowed")
	msgSteps         = message.Define(`"steps" %s: must be a whole number from 0 to %s`)
	msgSpeed         = message.Define(`"speed" %s: must be from %s to %s steps per second`)
	msgBoxCount      = message.Define(`"box" has %s numbers: it needs 4, [XMIN, XMAX, YMIN, YMAX]`)
	msgBoxNotFinite  = message.Define(`"box" %s: the numbers must be finite`)
	msgBoxX          = message.Define(`"box" %s: XMIN (%s) must be less than XMAX (%s)`)
	msgBoxY          = message.Define(`"box" %s: YMIN (%s) must be less than YMAX (%s)`)
	msgRunCount      = message.Define(`"runs": a lesson has 1 to %s runs, this one has %s`)
	msgNullItem      = message.Define("%s must be a number, not null")
	msgNullRun       = message.Define("a run must be an object { … }, not null")
	msgStart1D       = message.Define(`"start" has %s, but the function uses only x: give [x]`)
	msgStart2D       = message.Define(`"start" has %s, but the function uses x and y: give [x, y]`)
	msgStartND       = message.Define(`"start" has %s, but the function has %s variables: give %s numbers`)
	wordOneNumber    = message.Define("1 number")
	msgNumbers       = message.Define("%s numbers")
	msgEmptyGradient = message.Define(`gradient "": must be %s or %s`)
	msgH             = message.Define("h %s: the numeric-gradient step must be a positive finite number")
	msgBound         = message.Define("bound %s: the divergence bound must be a positive number")
	msgUnknownParam  = message.Define("unknown hyperparameter %s: the hyperparameters are %s")
	msgStopCount     = message.Define(`"stops": a lesson has at most %[2]s stops, this one has %[1]s`)
	msgStopStep      = message.Define(`stop %s: step %s must be from 1 to the lesson's %s steps`)
	msgStopOrder     = message.Define(`stop %s: step %s must come after the stop before it (step %s)`)
	msgStopText      = message.Define(`stop %s: "text" is empty: a stop shows a question or a remark`)
	msgStopLong      = message.Define(`stop %s: "text" is %s characters long: at most %s are allowed`)
	msgStopWhere     = message.Define("stop %s: %s")
	msgNullStop      = message.Define("a stop must be an object {\"step\": …, \"text\": …}, not null")

	// Files: opening, reading, writing.
	msgNotFound     = message.Define("%s does not exist")
	msgNoPermission = message.Define("%s cannot be read: permission denied")
	msgIsFolder     = message.Define("%s is a folder, not a lesson file")
	msgCannotOpen   = message.Define("%s cannot be opened: %s")
	msgReading      = message.Define("reading the lesson: %s")
	msgCannotSave   = message.Define("the lesson cannot be saved: %s")
	msgNotWritable  = message.Define("the number %s cannot be written in a lesson file")
	msgSaveFolder   = message.Define("%s is a folder: choose a file name")
	msgSaving       = message.Define("saving the lesson: %s")
	msgNoFolder     = message.Define("the folder %s does not exist")
	msgFolderDenied = message.Define("permission denied in the folder %s")
)

// kinds lists every kind above, for the test of the translations.
var kinds = []message.Kind{
	msgAt, msgWhere, msgRun, msgFunction, msgData, msgDataFunc, msgDataSet,
	msgSetOrRows, msgSetAndRows, msgColumnsNoRows, msgRowsNoColumns, msgRowNull, msgBatchNoData,
	msgTooLarge, msgEmpty, msgTrailing, msgUnexpectedEOF, msgNotJSON, msgTooDeep,
	msgBadValue, msgBadKey, msgAfterKey, msgAfterPair, msgAfterItem, msgInString, msgInEscape, msgInHex,
	msgInNumber, msgAfterPoint, msgInExponent, msgInLiteral, msgSyntax, msgWithHint,
	hintComments, hintQuotes, hintLastComma, hintNaN, hintComma, hintControl, hintKeyQuotes, hintColon,
	hintBackslash, hintHexDigits,
	msgUnknownField, msgFieldGuess, msgFieldList,
	msgMustBe, msgOutOfRange, msgItem, msgRunSubject, wordTheLesson,
	wordWholeNumber, wordNumber, wordQuoted, wordList, wordObject, wordValue,
	wordString, wordBool, wordAList, wordAnObject,
	msgMissing, msgNoFormat, msgOtherFormat, msgTooLong, msgSteps, msgSpeed,
	msgBoxCount, msgBoxNotFinite, msgBoxX, msgBoxY, msgRunCount, msgNullItem, msgNullRun,
	msgStart1D, msgStart2D, msgStartND, wordOneNumber, msgNumbers, msgEmptyGradient, msgH, msgBound, msgUnknownParam,
	msgStopCount, msgStopStep, msgStopOrder, msgStopText, msgStopLong, msgNullStop, msgStopWhere,
	msgNotFound, msgNoPermission, msgIsFolder, msgCannotOpen, msgReading,
	msgCannotSave, msgNotWritable, msgSaveFolder, msgSaving, msgNoFolder, msgFolderDenied,
}

// wrap returns the message of kind k with args and then err's message (or
// text) as its last argument, keeping err as the cause.
func wrap(k message.Kind, err error, args ...message.Arg) error {
	return message.Chain(k.New(append(args, reason(err))...), err)
}

// reason is err as an argument of a message (message.Reason).
func reason(err error) message.Arg { return message.Reason(err) }
