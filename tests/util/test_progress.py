import io

from civicspace._util.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_the_line_rewritten_then_cleared():
    err = Terminal()
    progress = Progress(err)
    progress.show("writing cases", now=True)
    progress.show("writing events")  # within EVERY seconds of the last: not shown
    progress.show("writing laws", now=True)
    progress.done()
    assert "\r\033[Kwriting cases\r\033[Kwriting laws\r\033[K" == err.getvalue()


def test_a_file_or_a_closed_stream_sees_nothing():
    err = io.StringIO()
    progress = Progress(err)
    progress.show("writing cases", now=True)
    progress.done()
    assert "" == err.getvalue()
    closed = io.StringIO()
    closed.close()
    Progress(closed).show("writing cases", now=True)
