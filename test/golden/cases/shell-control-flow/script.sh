# Loops and conditionals, typed over several lines as a terminal allows.
for i in 1 2 3; do echo "n=$i"; done
for f in a b
do
  echo "file $f"
done
if [ -d /tmp ]; then echo "tmp exists"; else echo "no tmp"; fi
n=0
while [ $n -lt 3 ]; do n=$((n + 1)); echo "tick $n"; done
case "$SHELL" in
  */bash) echo "bash it is" ;;
  *) echo "something else" ;;
esac
greet() { echo "hello, $1"; return 3; }
greet student; echo "status $?"
false || echo "false failed"
true && echo "true worked"
test -f /etc/os-release && grep PRETTY_NAME /etc/os-release
