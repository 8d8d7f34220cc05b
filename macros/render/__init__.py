"""Pure render functions: a RenderContext (model, language, page) in, Markdown out."""
