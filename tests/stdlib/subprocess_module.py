# subprocess: run, call, check_call, check_output, Popen with pipes and communicate, text mode,
# capture_output, CalledProcessError, TimeoutExpired, getoutput/getstatusoutput.
import subprocess
import sys
from subprocess import PIPE, STDOUT, DEVNULL

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)
try:
    r.check_returncode()
except subprocess.CalledProcessError as exc:
    print("CalledProcessError:", exc, exc.returncode, repr(exc.stdout), repr(exc.stderr))

print(subprocess.run("tr a-z A-Z", shell=True, input="shout\n", stdout=PIPE, text=True).stdout, end="")
print(subprocess.run(["cat"], input=b"\x00\x01bytes", stdout=PIPE).stdout)
print(subprocess.run(["sh", "-c", "echo both; echo streams >&2"], stdout=PIPE, stderr=STDOUT).stdout)
print(subprocess.run(["echo", "quiet"], stdout=DEVNULL).returncode)

print(subprocess.call(["sh", "-c", "exit 4"]), subprocess.check_call(["true"]))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as exc:
    print("CalledProcessError:", exc)
print(repr(subprocess.check_output(["printf", "%s-%s", "a", "b"])))
print(repr(subprocess.check_output("echo $((6 * 7))", shell=True, text=True)))
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 5"], text=True)
except subprocess.CalledProcessError as exc:
    print("CalledProcessError:", exc, repr(exc.output))
try:
    subprocess.run(["sh", "-c", "kill -TERM $$"], check=True)
except subprocess.CalledProcessError as exc:
    print("CalledProcessError:", exc)

# a big input and output through both pipes at once does not deadlock
data = "".join("line %d\n" % i for i in range(20000))
p = subprocess.Popen(["sh", "-c", "cat; echo done >&2"], stdin=PIPE, stdout=PIPE, stderr=PIPE, text=True)
out, err = p.communicate(data)
print(len(out), out == data, repr(err), p.returncode)

# Popen reading line by line
with subprocess.Popen(["sh", "-c", "for i in 1 2 3; do echo row $i; done"], stdout=PIPE, text=True) as p:
    for line in p.stdout:
        print("got", line.rstrip())
print(p.returncode, p.poll())

p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
p.stdin.write(b"written then closed\n")
p.stdin.close()
print(p.stdout.read(), p.wait())

# timeouts
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as exc:
    print("TimeoutExpired:", exc.cmd, exc.timeout <= 0.2)
p = subprocess.Popen(["sleep", "5"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as exc:
    print("TimeoutExpired:", exc)
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "5"])
p.terminate()
print(p.wait())

# the environment and the working folder
print(subprocess.run(["sh", "-c", "echo $GREETING"], env={"GREETING": "bonjour", "PATH": "/usr/bin:/bin"},
                     capture_output=True, text=True).stdout.strip())
print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout.strip())

# errors of starting the child
for bad in [lambda: subprocess.run(["/no/such/program"]), lambda: subprocess.run(["ls"], cwd="/no/such/dir"),
            lambda: subprocess.run(["cat"], input="x", stdin=PIPE)]:
    try:
        bad()
    except (OSError, ValueError) as exc:
        print(type(exc).__name__ + ":", exc)

print(subprocess.getoutput("echo one; echo two"))
print(subprocess.getstatusoutput("echo failing; exit 9"))
print(repr(subprocess.TimeoutExpired(["x"], 1.5)), str(subprocess.CalledProcessError(1, "cmd")))
sys.stdout.flush()
print(subprocess.run([sys.executable if False else "echo", "direct to our stdout"]).returncode)
