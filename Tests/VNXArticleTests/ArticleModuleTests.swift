import Testing
@testable import VNXArticle

@Test("The article stage sees the text stage")
func articleSeesText() {
  #expect(VNXArticleStage.name == "article")
}
