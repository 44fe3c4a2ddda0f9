# "site" without ./ is a volume name: nginx serves its welcome page from a new volume.
docker run -d --name web -p 8080:80 -v site:/usr/share/nginx/html nginx
sed -i 's/Opening soon/Now open/' site/index.html
curl -s localhost:8080
