import io
import logging

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
logger = logging.getLogger("bench")
logger.addHandler(handler)
logger.setLevel(logging.WARNING)
logger.propagate = False
for i in range(5):
    logger.debug("debug %d", i)
    logger.warning("warn %s %d", "x", i)
    logger.error("error %r", {"k": i})
logger.info("silent")
print(stream.getvalue())
print(logger.isEnabledFor(logging.INFO), logging.getLevelName(logging.ERROR), logger.getEffectiveLevel())
