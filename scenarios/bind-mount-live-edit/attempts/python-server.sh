# Another server: Python's http.server over the same bind mount.
docker run -d --name web -p 8080:8000 -v ./site:/srv python:3.12-slim python3 -m http.server --directory /srv
cat > site/index.html <<'HTML'
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Harbour Café</title></head>
<body>
  <h1>Harbour Café</h1>
  <p class="status">Now open</p>
</body>
</html>
HTML
curl -s localhost:8080
