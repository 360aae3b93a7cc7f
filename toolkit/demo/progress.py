"""A plain-text progress bar for operators' commands (no dependency; degrades to lines when not on a terminal)."""


class ProgressBar:
    WIDTH = 30

    def __init__(self, stream, total, enabled=True):
        self.stream = stream
        self.total = max(total, 1)
        self.done = 0
        self.enabled = enabled
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last_label = None

    def advance(self, label):
        self.done += 1
        if not self.enabled:
            return
        filled = int(self.WIDTH * self.done / self.total)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"[{bar}] {self.done:>3}/{self.total} {label}"
        if self.tty:
            self.stream.write("\r" + line.ljust(100), ending="")
            self.stream.flush()
        elif label != self.last_label or self.done == self.total:
            self.stream.write(line)
        self.last_label = label

    def finish(self):
        if self.enabled and self.tty:
            self.stream.write("")
