// The Outlook host harness, run in the task pane's page in place of
// Office.js (the test serves it at Microsoft's CDN address). It plays the
// part of Outlook for the subset of Office.js the pane uses: Office.onReady,
// the open item (read or compose) with callback APIs answering AsyncResult
// objects, requirement sets, and the nested app authentication bridge,
// whose tokens are real ones minted by the test's OpenID Connect issuer.
// `__relaisHost` (the configuration) and `__relaisHostToken` (the minting
// function) are put on the page by the test before this script runs.
(function () {
  'use strict';
  var config = window.__relaisHost;
  var record = { inserted: [], subject: config.item.subject || '', bridge: [] };
  window.__outlook = record;

  function succeed(value) {
    return { status: 'succeeded', value: value, error: null };
  }
  function fail(code, message) {
    return {
      status: 'failed',
      value: undefined,
      error: { code: code, name: 'Harness', message: message },
    };
  }
  function later(callback, result) {
    if (typeof callback === 'function')
      setTimeout(function () {
        callback(result);
      }, 0);
  }
  // Office.js callbacks come last; options may come before them.
  function lastFunction(args) {
    for (var i = args.length - 1; i >= 0; i--)
      if (typeof args[i] === 'function') return args[i];
    return null;
  }
  function details(mailbox) {
    return {
      emailAddress: mailbox.address,
      displayName: mailbox.name || mailbox.address,
      recipientType: 'externalUser',
    };
  }
  function recipients(list) {
    return {
      getAsync: function () {
        later(lastFunction(arguments), succeed((list || []).map(details)));
      },
    };
  }

  function readItem(item) {
    return {
      itemType: 'message',
      itemId: 'harness-item',
      internetMessageId: item.internetMessageId,
      subject: item.subject,
      dateTimeCreated: new Date(item.sentAt),
      from: details(item.from),
      sender: details(item.from),
      to: (item.to || []).map(details),
      cc: (item.cc || []).map(details),
      body: {
        getAsync: function (coercion) {
          var callback = lastFunction(arguments);
          if (coercion !== 'text' && coercion !== 'html')
            return later(callback, fail(1000, 'coercion'));
          later(callback, succeed(item.body));
        },
      },
    };
  }

  function composeItem(item) {
    return {
      itemType: 'message',
      subject: {
        getAsync: function () {
          later(lastFunction(arguments), succeed(record.subject));
        },
        setAsync: function (value) {
          record.subject = value;
          later(lastFunction(arguments), succeed(undefined));
        },
      },
      to: recipients(item.to),
      cc: recipients(item.cc),
      bcc: recipients(item.bcc),
      from: {
        getAsync: function () {
          later(lastFunction(arguments), succeed(details(item.from)));
        },
      },
      body: {
        getAsync: function () {
          later(lastFunction(arguments), succeed(record.inserted.join('')));
        },
        setSelectedDataAsync: function (data, options) {
          var callback = lastFunction(arguments);
          if (!options || options.coercionType !== 'html')
            return later(callback, fail(1000, 'html coercion expected'));
          record.inserted.push(data);
          later(callback, succeed(undefined));
        },
      },
    };
  }

  var supported = config.requirements || {};
  window.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: {
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    HostType: { Outlook: 'Outlook' },
    context: {
      displayLanguage: config.displayLanguage || 'fr-FR',
      officeTheme: { bodyBackgroundColor: config.dark ? '#1f1f1f' : '#ffffff' },
      diagnostics: { host: 'Outlook', platform: 'OfficeOnline', version: '16' },
      requirements: {
        isSetSupported: function (name, version) {
          var highest = supported[name];
          if (!highest) return false;
          // Minor versions compare as numbers: 1.13 is above 1.2.
          var asked = String(version || '1.1')
            .split('.')
            .map(Number);
          var have = String(highest).split('.').map(Number);
          if (asked[0] !== have[0]) return asked[0] < have[0];
          return (asked[1] || 0) <= (have[1] || 0);
        },
      },
      mailbox: {
        userProfile: {
          emailAddress: config.user.address,
          displayName: config.user.name,
        },
        item:
          config.item.mode === 'compose'
            ? composeItem(config.item)
            : readItem(config.item),
      },
      ui: {
        displayDialogAsync: function () {
          later(lastFunction(arguments), fail(12011, 'no dialog in harness'));
        },
      },
    },
    onReady: function (callback) {
      var info = { host: 'Outlook', platform: 'OfficeOnline' };
      if (callback)
        setTimeout(function () {
          callback(info);
        }, 0);
      return Promise.resolve(info);
    },
  };

  // Outlook's side of nested app authentication: MSAL posts JSON requests,
  // the host answers on the 'message' listener.
  var listeners = [];
  function answer(envelope) {
    var data = JSON.stringify(envelope);
    listeners.forEach(function (listener) {
      listener({ data: data });
    });
  }
  var account = {
    homeAccountId: config.user.oid + '.' + config.user.tenantId,
    environment: 'login.microsoftonline.com',
    tenantId: config.user.tenantId,
    username: config.user.address,
    localAccountId: config.user.oid,
    name: config.user.name,
  };
  if (supported.NestedAppAuth)
    window.nestedAppAuthBridge = {
      addEventListener: function (type, listener) {
        if (type === 'message') listeners.push(listener);
      },
      removeEventListener: function () {},
      postMessage: function (raw) {
        var request = JSON.parse(raw);
        record.bridge.push(request.method);
        if (request.method === 'GetInitContext')
          return answer({
            messageType: 'NestedAppAuthResponse',
            requestId: request.requestId,
            success: true,
            initContext: {
              sdkName: 'relais-outlook-harness',
              sdkVersion: '1.0.0',
              capabilities: { queryAccount: false },
              accountContext: {
                homeAccountId: account.homeAccountId,
                environment: account.environment,
                tenantId: account.tenantId,
              },
            },
          });
        var params = request.tokenParams || {};
        window
          .__relaisHostToken(JSON.stringify(params))
          .then(function (minted) {
            var tokens = JSON.parse(minted);
            answer({
              messageType: 'NestedAppAuthResponse',
              requestId: request.requestId,
              success: true,
              token: {
                access_token: tokens.accessToken,
                id_token: tokens.idToken,
                expires_in: 3600,
                scope: params.scope,
              },
              account: account,
            });
          })
          .catch(function (error) {
            answer({
              messageType: 'NestedAppAuthResponse',
              requestId: request.requestId,
              success: false,
              error: { status: 'PERSISTENT_ERROR', description: String(error) },
            });
          });
      },
    };
})();
