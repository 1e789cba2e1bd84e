using Markdig;

namespace Raciflow.Server.Web;

/// <summary>
/// Markdown (model cards) to HTML. Raw HTML in the Markdown is written as text, not markup, because a card quotes
/// user-supplied strings (descriptions, problem statements, column names); the pages' policy blocks scripts besides.
/// </summary>
public static class WebMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();

    public static Html Render(string markdown) => Html.Raw(Markdown.ToHtml(markdown ?? string.Empty, Pipeline));
}
