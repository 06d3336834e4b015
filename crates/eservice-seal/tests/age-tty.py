"""Runs an `age` command on a terminal of its own, answering each of its
passphrase prompts with the passphrase given (age reads passphrases from a
terminal only, never from a pipe). Usage: age-tty.py PASSPHRASE age ARGS...
Exits with the command's status; its terminal output goes to stderr."""
import os
import pty
import select
import sys

passphrase, command = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)
seen, answered = b"", 0
while True:
    ready, _, _ = select.select([fd], [], [], 60)
    if not ready:
        break
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    seen += data
    # Every prompt (entry, confirmation, identity file) gets the passphrase.
    while seen.lower().count(b"passphrase") > answered:
        os.write(fd, passphrase + b"\n")
        answered += 1
sys.stderr.write(seen.decode(errors="replace"))
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
