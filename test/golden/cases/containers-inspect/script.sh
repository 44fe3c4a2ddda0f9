# docker inspect of containers: Docker 28's JSON (no network model yet: empty network strings, no PID), a container
# found before an image of the same name, --type, --format on Go and JSON field names, -s sizes, and what the
# metadata flags of run store (labels, hostname, stop settings, HEALTHCHECK, extra hosts).
docker create --name box -l app=demo -h boxhost --stop-timeout 3 alpine echo hi
docker inspect box
docker start -a box
docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.StartedAt}} {{.State.FinishedAt}}' box
docker run -d --name alpine --health-cmd 'true' --health-interval 30s --add-host db=10.0.0.5 --stop-signal SIGINT alpine sleep 1000
docker inspect -f '{{.Name}} {{.State.Health.Status}} {{json .Config.Healthcheck}} {{.HostConfig.ExtraHosts}} {{.Config.StopSignal}}' alpine
docker inspect --type image -f '{{.RepoTags}}' alpine
docker container inspect -f '{{.Config.Hostname}} {{.Config.Labels}} {{.Config.StopTimeout}} {{.HostConfig.CpuShares}}' box
docker run --name writer alpine sh -c 'echo hello > /greeting'
docker inspect -s -f '{{.SizeRw}} {{.SizeRootFs}}' writer
docker inspect -f '{{json .NetworkSettings}}' writer
docker inspect --type container nope
docker inspect nope
docker run --rm -h boxhost alpine sh -c 'echo $HOSTNAME; hostname'
docker run --add-host nohost alpine
docker run --no-healthcheck --health-retries 3 alpine
