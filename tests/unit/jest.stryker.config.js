/** The unit tier alone, for mutation testing (stryker.config.json): no database, no setup. */
const base = require('../../jest.config.js');
module.exports = {
  rootDir: '../..',
  testTimeout: base.testTimeout,
  ...base.projects.find((p) => p.displayName === 'unit'),
};
