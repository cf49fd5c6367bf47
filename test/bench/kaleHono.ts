// A bare Hono server on the same machine: the yardstick for the app's pages (issue "speed at scale", point 7).
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.html('<!doctype html><html lang="nl"><title>kaal</title><p>Hallo</p></html>'));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('serving'));
