# HEALTHCHECK: the daemon runs the check through exec on the container's clock; results show in ps, filters and inspect.
docker run -d --name web -p 8080:80 --health-cmd 'curl -fs localhost || exit 1' --health-interval 5s --health-retries 2 nginx
docker ps --format '{{.Names}}: {{.Status}}'
sleep 6
docker ps --format '{{.Names}}: {{.Status}}'
docker run -d --name bad --health-cmd 'exit 1' --health-interval 2s --health-retries 2 alpine sleep 100
sleep 5
docker ps --format '{{.Names}}: {{.Status}}'
docker ps --filter health=unhealthy --format '{{.Names}}'
docker inspect --format '{{json .State.Health}}' bad
docker run -d --name slow --health-cmd 'sleep 5' --health-interval 1s --health-timeout 2s alpine sleep 100
sleep 4
docker inspect --format '{{json .State.Health.Log}}' slow
