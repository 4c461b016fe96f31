"""MkDocs hooks for the news archive: each event forwarded to newsroom/render/plugin.py,
which says what it does there and why."""

from newsroom.render.plugin import NewsroomHooks

_hooks = NewsroomHooks()

on_startup = _hooks.on_startup
on_config = _hooks.on_config
on_pre_build = _hooks.on_pre_build
on_files = _hooks.on_files
on_env = _hooks.on_env
on_page_markdown = _hooks.on_page_markdown
on_page_content = _hooks.on_page_content
on_page_context = _hooks.on_page_context
on_template_context = _hooks.on_template_context
on_post_page = _hooks.on_post_page
on_post_build = _hooks.on_post_build
on_build_error = _hooks.on_build_error
on_shutdown = _hooks.on_shutdown
