import type { FastifyError, FastifyInstance } from 'fastify';

/** 404 and 500 pages in the layout; stack traces go to the structured log, never to the user. */
export function setUpErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => reply.notFound());
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return reply.render('platform/views/error.njk', { title: 'The file is too large', message: 'The file is larger than this service accepts. Choose a smaller file.' }, 413);
    }
    if (status >= 400 && status < 500) {
      request.log.info({ err: error }, 'client error');
      return reply.render('platform/views/error.njk', { title: 'There is a problem with your request', message: 'The request could not be understood. Go back and try again.' }, status);
    }
    request.log.error({ err: error, url: request.url, method: request.method }, 'unhandled error');
    return reply.render('platform/views/500.njk', { title: 'Sorry, there is a problem with the service' }, 500);
  });
}
