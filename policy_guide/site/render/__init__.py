"""Renderers: plain functions from models to Markdown (with a little HTML where Markdown
cannot say it). They never read files; `macros.site` hands them the models."""
