"""Which copies of a photo the site publishes (newsroom/assets/photos.py copy_sizes): the
standard widths at most three quarters of the largest copy, then the largest."""

from newsroom.assets.photos import copy_sizes


def test_a_copy_close_to_the_largest_is_not_made():
    assert copy_sizes(800, 600) == [(320, 240), (800, 600)]
    assert copy_sizes(4000, 3000) == [(320, 240), (640, 480), (1600, 1200)]


def test_the_standard_widths_below_three_quarters_are_made():
    assert copy_sizes(1000, 750) == [(320, 240), (640, 480), (1000, 750)]
    assert copy_sizes(1920, 1080) == [(320, 180), (640, 360), (1600, 900)]
    assert copy_sizes(480, 640) == [(320, 427), (480, 640)]     # upright: by width


def test_a_small_photo_is_published_at_its_size_only():
    assert copy_sizes(400, 300) == [(400, 300)]
    assert copy_sizes(1200, 3000) == [(320, 800), (640, 1600)]  # long edge 1600 → 640 wide
