# Commands not simulated yet answer exactly as Docker 28 does for an unknown command.
docker
echo "exit $?"
docker --version
docker foo
echo "exit $?"
docker version --nme
echo "exit $?"
docker version --format '{{.Foo'
echo "exit $?"
docker info --format '{{.Nope}}'
echo "exit $?"
docker help version
