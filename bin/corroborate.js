#!/usr/bin/env node
// Thin shell over the CLI function: wires the process's streams, environment and signals in and sets the exit code.
import { main } from '../dist/src/cli/main.js';

const readStdin = async () => {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
};

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, readStdin, env: process.env, signal: stop.signal });
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');
