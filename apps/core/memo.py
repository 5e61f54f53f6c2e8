"""A per-process LRU in front of a shared cache, bounded in bytes.

What it holds is keyed by data versions, so an entry is never stale: a write makes new keys, and the
old entries age out. It saves the shared cache's round trip (Redis) or its pickling and locking (local
memory) for what a worker serves most.
"""

from collections import OrderedDict


class BytesMemo:
    instances = []

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        BytesMemo.instances.append(self)

    @classmethod
    def clear_all(cls):
        """Forgets everything: for tests, whose rolled-back writes can reuse a data version."""
        for memo in cls.instances:
            memo.clear()

    def clear(self):
        self.entries.clear()
        self.size = 0

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            return entry[0]
        return None

    def put(self, key, value, size):
        if key in self.entries or size > self.max_bytes:
            return
        self.entries[key] = (value, size)
        self.size += size
        while self.size > self.max_bytes:
            _, (_, dropped) = self.entries.popitem(last=False)
            self.size -= dropped
