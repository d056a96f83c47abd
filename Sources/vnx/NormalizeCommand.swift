import ArgumentParser
struct NormalizeCommand: ParsableCommand {}
