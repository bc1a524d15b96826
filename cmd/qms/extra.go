package main

// extraCommands lists the commands registered by other files; add yours
// here (one line each) to keep the table explicit.
func extraCommands() []*command {
	return []*command{
		cmdBuild,
		cmdExport,
		cmdHistory,
		cmdImpact,
		cmdInit,
		cmdNew,
		cmdReport,
		cmdServe,
	}
}
