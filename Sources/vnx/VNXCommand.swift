import ArgumentParser
import VNX

@main
struct VNXCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vnx",
    abstract: "Turn scraped Vietnamese provincial news into clean, structured data.",
    subcommands: [
      NormalizeCommand.self, TokenizeCommand.self, EncodeCommand.self,
      TrainSegmenterCommand.self, ArticleCommand.self, ExtractCommand.self, BatchCommand.self,
      BenchCommand.self,
      EvalCommand.self,
    ]
  )
}
