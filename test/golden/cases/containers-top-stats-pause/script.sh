# docker top and stats see the container's processes; pause freezes them
docker pull -q alpine
docker run -d --name ticker alpine sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'
docker run -d --name idle -u nobody alpine sleep 1000
docker exec -d idle sleep 500
docker top idle
docker stats --no-stream
docker stats --no-stream --no-trunc --format '{{.Name}}: {{.MemUsage}} {{.PIDs}}'
sleep 2
docker pause ticker
docker logs ticker
docker pause ticker
docker ps --format '{{.Names}} {{.Status}}'
sleep 5
# nothing ran while frozen
docker logs ticker
docker unpause ticker
sleep 1
docker logs ticker
docker unpause ticker
docker stop idle
docker top idle
docker pause idle
docker stats --no-stream idle
