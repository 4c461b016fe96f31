"""MkDocs hooks for the news archive. Thin on purpose: the work is in newsroom/.

newsroom/build.py says what each event does and why it runs where it does.
"""

from newsroom.build import ArchiveBuild

_build = ArchiveBuild()


def on_startup(command, dirty):
    _build.start(command, dirty)


def on_config(config):
    _build.configure(config)


def on_pre_build(config):
    # Validate here: MkDocs has not cleaned site/ yet, so a failure keeps the old site.
    _build.load(config)


def on_files(files, config):
    return _build.add_files(files, config)


def on_env(env, config, files):
    _build.environment(env)


def on_page_markdown(markdown, page, config, files):
    return _build.page_markdown(markdown, page)


def on_page_content(html, page, config, files):
    return _build.page_content(html, page)


def on_page_context(context, page, config, nav):
    return _build.page_context(context, page)


def on_post_build(config):
    _build.index(config)


def on_build_error(error):
    _build.failed()
