import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { teachingLint, TEACHING_RULES } from '../../../../engine/dockerfile/lint/teaching/index.ts';

const brief = (src: string, buildArgs?: Record<string, string>) =>
  teachingLint(src, buildArgs === undefined ? {} : { buildArgs }).map((w) => [w.rule, w.line] as const);
const rules = (src: string) => teachingLint(src).map((w) => w.rule);
/** The rules firing apart from RunsAsRoot, which any Dockerfile without USER gets. */
const others = (src: string) => rules(src).filter((r) => r !== 'RunsAsRoot');

// Each case: a Dockerfile that trips the rule and the line it points at, and a corrected one that does not.
const cases: [rule: string, bad: string, line: number, good: string][] = [
  ['DependenciesAfterSourceCopy', 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\n', 3, 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n'],
  ['DependenciesAfterSourceCopy', 'FROM node:20\nCOPY ./ /app/\nRUN cd /app && yarn install --frozen-lockfile\n', 2, 'FROM node:20\nCOPY package.json yarn.lock /app/\nRUN cd /app && yarn install --frozen-lockfile\nCOPY ./ /app/\n'],
  ['DependenciesAfterSourceCopy', 'FROM node:20\nADD . .\nRUN ["npm", "ci"]\n', 2, 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN ["npm", "ci"]\nCOPY . .\n'],
  ['DependenciesAfterSourceCopy', 'FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n', 2, 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n'],
  ['DependenciesAfterSourceCopy', 'FROM ruby:3.3\nCOPY . .\nRUN bundle install\n', 2, 'FROM ruby:3.3\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\n'],
  ['DependenciesAfterSourceCopy', 'FROM golang:1.22\nCOPY . .\nRUN <<EOF\ngo mod download\ngo build -o /app .\nEOF\n', 2, 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n'],
  ['DependenciesAfterSourceCopy', 'FROM composer:2\nCOPY . .\nRUN composer install --no-dev\n', 2, 'FROM composer:2\nCOPY composer.json composer.lock ./\nRUN composer install --no-dev\nCOPY . .\n'],
  ['LatestTag', 'FROM node\n', 1, 'FROM node:20\n'],
  ['LatestTag', 'FROM node:latest AS base\n', 1, 'FROM node:20-alpine AS base\n'],
  ['LatestTag', 'FROM docker.io/library/nginx\n', 1, 'FROM nginx@sha256:' + 'a'.repeat(64) + '\n'],
  ['LatestTag', 'ARG IMAGE=python\nFROM $IMAGE\n', 2, 'ARG IMAGE=python:3.12\nFROM $IMAGE\n'],
  ['AptListsNotCleaned', 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', 2, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n'],
  ['AptListsNotCleaned', 'FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', 2, 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'],
  ['AptListsNotCleaned', 'FROM debian:12\nRUN <<EOF\napt update\napt install -y git\nEOF\n', 2, 'FROM debian:12\nRUN <<EOF\napt update\napt install -y git\nrm -rf /var/lib/apt/lists/*\nEOF\n'],
  ['AptListsNotCleaned', 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get -y upgrade\n', 2, 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get -y upgrade\n'],
  ['ApkCache', 'FROM alpine:3.20\nRUN apk add curl\n', 2, 'FROM alpine:3.20\nRUN apk add --no-cache curl\n'],
  ['ApkCache', 'FROM alpine:3.20\nRUN apk update && apk add git\n', 2, 'FROM alpine:3.20\nRUN apk --no-cache add git\n'],
  ['ApkCache', 'FROM alpine:3.20\nRUN apk --update add git\n', 2, 'FROM alpine:3.20\nRUN apk add git && rm -rf /var/cache/apk/*\n'],
  ['RunsAsRoot', 'FROM node:20\nCMD ["node", "x.js"]\n', 1, 'FROM node:20\nUSER node\nCMD ["node", "x.js"]\n'],
  ['RunsAsRoot', 'FROM debian:12\nUSER app\nRUN x\nUSER root\n', 4, 'FROM debian:12\nUSER root\nRUN x\nUSER 1000:1000\n'],
  ['RunsAsRoot', 'FROM debian:12 AS base\nUSER 0:0\nFROM base\n', 2, 'FROM debian:12 AS base\nUSER app\nFROM base\n'],
  ['RunsAsRoot', 'FROM golang:1.22 AS build\nUSER nobody\nFROM scratch\nCOPY --from=build /app /app\n', 3, 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\nUSER 65534\n'],
  ['AddInsteadOfCopy', 'FROM nginx:1.27\nADD site/ /usr/share/nginx/html/\n', 2, 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n'],
  ['AddInsteadOfCopy', 'FROM nginx:1.27\nADD --chown=nginx:nginx nginx.conf /etc/nginx/\n', 2, 'FROM nginx:1.27\nADD rootfs.tar.gz /\n'],
  ['NpmCiRecommended', 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm install\n', 3, 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\n'],
];

describe('teaching rules', () => {
  it.each(cases)('%s', (rule, bad, line, good) => {
    expect(brief(bad)).toContainEqual([rule, line]);
    expect(rules(good)).not.toContain(rule);
  });

  it('gives the warning shape with a severity, an explanation, a fix and the documentation', () => {
    const [w] = teachingLint('FROM node:20\nCOPY . .\nRUN npm ci\nUSER node\n');
    expect(w).toMatchObject({
      rule: 'DependenciesAfterSourceCopy',
      message: 'COPY . . copies the whole project before `npm ci` (line 3): any source change reruns the install',
      line: 2,
      url: 'https://docs.docker.com/build/cache/optimize/#order-your-layers',
      severity: 'warning',
      fix: 'Copy only the dependency files first, install, then copy the rest:\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    });
    expect(w!.explanation.length).toBeGreaterThan(80);
    for (const rule of Object.keys(TEACHING_RULES)) expect(cases.map(([r]) => r)).toContain(rule);
  });

  it("names the project's own files in the fix", () => {
    const pip = teachingLint('FROM python:3.12\nCOPY . .\nRUN python -m pip install -r requirements/prod.txt\n').find((w) => w.rule === 'DependenciesAfterSourceCopy');
    expect(pip!.fix).toContain('COPY requirements/prod.txt ./');
    const apk = teachingLint('FROM alpine:3.20\nRUN apk --update add curl git\n').find((w) => w.rule === 'ApkCache');
    expect(apk!.fix).toBe('RUN apk add --no-cache curl git');
    const add = teachingLint('FROM nginx:1.27\nADD --chown=nginx:nginx nginx.conf /etc/nginx/\n').find((w) => w.rule === 'AddInsteadOfCopy');
    expect(add!.fix).toBe('COPY --chown=nginx:nginx nginx.conf /etc/nginx/');
    expect(teachingLint('FROM node:20\n')[0]!.fix).toContain('USER node');
    expect(teachingLint('FROM debian:12\n').find((w) => w.rule === 'RunsAsRoot')!.fix).toContain('useradd');
  });

  it('keeps RunsAsRoot informational and the rest warnings or info as declared', () => {
    const all = teachingLint('FROM ubuntu\nRUN apt-get update\nADD a /a\n');
    expect(all.map((w) => [w.rule, w.severity])).toEqual([
      ['LatestTag', 'warning'],
      ['RunsAsRoot', 'info'],
      ['AptListsNotCleaned', 'warning'],
      ['AddInsteadOfCopy', 'info'],
    ]);
  });

  it('spans a continued instruction', () => {
    const [w] = teachingLint('FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\nUSER 1000\n');
    expect(w).toMatchObject({ rule: 'AptListsNotCleaned', line: 2, endLine: 3 });
  });
});

describe('no advice where none is due', () => {
  it('leaves stage references, scratch, digests and unknowable images alone', () => {
    expect(others('FROM node:20 AS build\nFROM build\nFROM scratch\n')).toEqual([]);
    expect(others('FROM $BASE\n')).toEqual([]);
    expect(brief('ARG V=latest\nFROM node:$V\nUSER node\n')).toEqual([['LatestTag', 2]]);
    expect(brief('ARG V=latest\nFROM node:$V\nUSER node\n', { V: '20' })).toEqual([]);
  });

  it('reads commands, not text: echo and comments mentioning apt-get do not count', () => {
    expect(others('FROM debian:12\nRUN echo "apt-get update" > /notes\n# RUN apt-get update\n')).toEqual([]);
    expect(others('FROM node:20\nCOPY . .\nRUN npm install -g pnpm && npm run build\n')).toEqual([]);
    expect(others('FROM node:20\nCOPY . .\nRUN npm install express\n')).toEqual([]);
  });

  it('does not count a copy from another stage, or part of the context, as copying the project', () => {
    expect(others('FROM node:20 AS deps\nCOPY package.json package-lock.json ./\nRUN npm ci\nFROM node:20\nCOPY --from=deps /node_modules ./node_modules\nCOPY --from=deps . .\nCOPY src ./src\nRUN npm ci\n')).toEqual([]);
  });

  it('does not flag apt-get install alone: the update it needs is flagged where it is', () => {
    expect(others('FROM debian:12\nRUN apt-get install -y curl\n')).toEqual([]);
  });

  it('wants the lockfile named before suggesting npm ci', () => {
    expect(others('FROM node:20\nCOPY package*.json ./\nRUN npm install\n')).toEqual([]);
  });

  it('returns nothing for a Dockerfile that does not parse', () => {
    expect(teachingLint('FROM a\nRUNN x\n')).toEqual([]);
    expect(teachingLint('')).toEqual([]);
  });

  it('finds nothing in well-written Dockerfiles', () => {
    const good = [
      'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nWORKDIR /app\nENV NODE_ENV=production\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/index.js"]\n',
      'FROM python:3.12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends libpq5 \\\n && rm -rf /var/lib/apt/lists/*\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN useradd --system app\nUSER app\nCMD ["python", "app.py"]\n',
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\nUSER nonroot\nENTRYPOINT ["/app"]\n',
      'FROM alpine:3.20\nRUN apk add --no-cache curl ca-certificates\nCOPY entrypoint.sh /usr/local/bin/\nUSER 1000\nENTRYPOINT ["entrypoint.sh"]\n',
    ];
    for (const src of good) expect(teachingLint(src)).toEqual([]);
  });
});

describe('the seed lesson', () => {
  // The seed lesson sits beside the repository (`../shared/seed`), locally and in CI.
  const seed = readFileSync(new URL('../../../../../shared/seed/000_2303eee8709d1c86.txt', import.meta.url), 'utf8');
  const [oldOne, newOne] = [...seed.matchAll(/```\n(FROM[\s\S]*?)```/g)].map((m) => m[1] as string);

  it('tells the "Old One" that COPY . . before npm install defeats the cache', () => {
    const copyLine = oldOne!.split('\n').indexOf('COPY . .') + 1;
    expect(brief(oldOne!)).toEqual([
      ['RunsAsRoot', 1],
      ['DependenciesAfterSourceCopy', copyLine],
    ]);
  });

  it('has nothing to say about the "New One" but the root user', () => {
    expect(brief(newOne!)).toEqual([['RunsAsRoot', 1]]);
  });
});
