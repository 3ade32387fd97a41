import getopt
args = "-a -b -cfoo -d bar a1 a2".split()
print(getopt.getopt(args, "abc:d:"))
s = "--condition=foo --testing --output-file abc.def -x a1 a2"
print(getopt.getopt(s.split(), "x", ["condition=", "output-file=", "testing"]))
print(getopt.getopt(["--test", "--cond=3", "rest"], "", ["testing", "condition="]))
print(getopt.gnu_getopt(["a1", "-a", "a2", "--alpha", "--", "-b"], "ab", ["alpha"]))
print(getopt.getopt(["-a", "x", "-b"], "ab"))
print(getopt.getopt(["-", "-a"], "a"))
for bad in (["-z"], ["-c"], ["--nope"], ["--testing=1"], ["--te"], ["--output-file"]):
    try:
        getopt.getopt(bad, "c:", ["testing", "test", "output-file="])
    except getopt.GetoptError as e:
        print(type(e).__name__, e, repr(e.opt), e.msg == str(e))
print(getopt.error is getopt.GetoptError)
