# Renaming keeps the container (and frees the old name); update --restart changes the policy of an existing
# container; container prune removes what is not running, after asking.
docker run -d --name web alpine sleep 1000
docker rename web api
docker ps --format '{{.Names}} {{.Status}}'
docker create --name web alpine true
docker rename web api
docker rename api api
docker rename nope other
docker rename web 'bad name'
docker run -d --name flaky alpine sh -c 'sleep 5; exit 1'
docker update --restart on-failure:2 flaky
sleep 30
docker ps -a --filter name=flaky --format '{{.Names}}: {{.Status}}'
docker inspect -f '{{.RestartCount}} {{.HostConfig.RestartPolicy.Name}}' flaky
docker update flaky
docker update --restart sometimes flaky
docker update --memory 256m flaky
docker run -d --rm --name temp alpine sleep 1000
docker update --restart always temp
echo n | docker container prune
docker container prune -f --filter label=nothing
echo y | docker container prune
docker ps -a --format '{{.Names}}'
docker container prune -f --filter status=exited
