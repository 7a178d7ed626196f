// Package figure joins the two engines: it turns an optimizer.Problem and the
// trajectories of its runs into a plotting.Scene, so that the window and the
// CLI draw exactly the same figure from exactly the same numbers.
package figure
