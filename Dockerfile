# The Dyad API and loader, for docker-compose (Neo4j runs from the official image there).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY schema ./schema
COPY queries ./queries
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
# What CI tested: the pinned, hash-checked lock (it holds the dev tools too), then Dyad itself.
RUN pip install --no-cache-dir --require-hashes -r requirements.lock \
    && pip install --no-cache-dir --no-deps .
ENV DYAD_HOST=0.0.0.0 DYAD_PORT=8000
EXPOSE 8000
CMD ["dyad", "serve"]
