# Generates chorus-realm.json and chorus-elsewhere-realm.json: cd keycloak && python3 tools/make_realm.py
import json
AUD = "chorus-api"
def mappers():
    return [
      {"name":"realm roles","protocol":"openid-connect","protocolMapper":"oidc-usermodel-realm-role-mapper",
       "config":{"claim.name":"roles","multivalued":"true","jsonType.label":"String","access.token.claim":"true","id.token.claim":"true","userinfo.token.claim":"true","introspection.token.claim":"true"}},
      {"name":"directory person","protocol":"openid-connect","protocolMapper":"oidc-usermodel-attribute-mapper",
       "config":{"user.attribute":"sourcedId","claim.name":"sourced_id","jsonType.label":"String","access.token.claim":"true","id.token.claim":"true","userinfo.token.claim":"true","introspection.token.claim":"true"}},
      {"name":"chorus api audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
       "config":{"included.custom.audience":AUD,"access.token.claim":"true","id.token.claim":"false","introspection.token.claim":"true"}},
    ]
profile = {"attributes":[
  {"name":"username","displayName":"${username}","validations":{"length":{"min":3,"max":255},"username-prohibited-characters":{},"up-username-not-idn-homograph":{}},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":False},
  {"name":"email","displayName":"${email}","validations":{"email":{},"length":{"max":255}},"required":{"roles":["user"]},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":False},
  {"name":"firstName","displayName":"${firstName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"required":{"roles":["user"]},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":False},
  {"name":"lastName","displayName":"${lastName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"required":{"roles":["user"]},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":False},
  {"name":"sourcedId","displayName":"Directory person (OneRoster sourcedId)","validations":{"length":{"max":255}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":False}
 ],"groups":[{"name":"user-metadata","displayHeader":"User metadata","displayDescription":"Attributes, which refer to user metadata"}],"unmanagedAttributePolicy":"ADMIN_VIEW"}
ROLES = [("trust-leader","Trust leaders: CEO, director of communications"),("school-leader","Head teachers and deputies"),
 ("staff","School staff"),("carer","Parents and carers"),("pupil","Pupils"),("safeguarding-lead","Safeguarding leads"),
 ("privacy-officer","Data-protection / privacy officer"),("trust-admin","Trust administrators (roster imports, settings)")]
# Demo users: people of the seeded demo trust (see api DemoTrust / ./chorus seed). Password for all: chorus-demo
USERS = [
 ("leader.trust","Amelia","Hart","trust-leader","stf-00001",["trust-leader","trust-admin","staff"]),
 ("head.oakfield","Daniel","Okafor","school-leader","stf-00002",["school-leader","staff"]),
 ("teacher.oakfield","Priya","Shah","staff","stf-00003",["staff"]),
 ("safeguarding.oakfield","Grace","Mensah","safeguarding-lead","stf-00004",["safeguarding-lead","staff"]),
 ("privacy.trust","Tom","Whitfield","privacy-officer","stf-00005",["privacy-officer","staff"]),
 ("head.riverside","Hannah","Lewis","school-leader","stf-00006",["school-leader","staff"]),
 ("carer.demo","Sarah","Bennett","carer","car-000001",["carer"]),
 ("pupil.demo","Oliver","Bennett","pupil","pup-000001",["pupil"]),
]
users = []
for u,f,l,_,sid,roles in USERS:
    users.append({"username":u,"enabled":True,"emailVerified":True,"firstName":f,"lastName":l,"email":u+"@demo.chorus.school",
      "attributes":{"sourcedId":[sid]},"credentials":[{"type":"password","value":"chorus-demo","temporary":False}],
      "realmRoles":roles+["default-roles-chorus"]})
# The service account of chorus-service provisions accounts (api accounts module): it reads and writes users
# and reads whether the realm has SMTP (view-realm).
SERVICE_ROLES = ["view-users","query-users","manage-users","view-realm"]
users.append({"username":"service-account-chorus-service","enabled":True,"serviceAccountClientId":"chorus-service",
  "realmRoles":["default-roles-chorus"],"clientRoles":{"realm-management":SERVICE_ROLES}})
REDIRECTS = ["http://127.0.0.1:8090/*","http://localhost:8090/*","http://127.0.0.1:18090/*","http://localhost:18090/*","http://127.0.0.1:5173/*","http://localhost:5173/*"]
clients = [
 {"clientId":"chorus-web","name":"Chorus web client","publicClient":True,"standardFlowEnabled":True,"directAccessGrantsEnabled":False,
  "redirectUris":REDIRECTS,"webOrigins":["+"],"attributes":{"pkce.code.challenge.method":"S256","post.logout.redirect.uris":"+"},"protocolMappers":mappers()},
 {"clientId":"chorus-mobile","name":"Chorus mobile apps","publicClient":True,"standardFlowEnabled":True,"directAccessGrantsEnabled":False,
  "redirectUris":["app.chorus.mobile:/oauth2redirect","http://127.0.0.1/*"],"webOrigins":[],"attributes":{"pkce.code.challenge.method":"S256","post.logout.redirect.uris":"app.chorus.mobile:/logout"},"protocolMappers":mappers()},
 {"clientId":"chorus-service","name":"Chorus service-to-service","publicClient":False,"secret":"chorus-service-dev-secret","standardFlowEnabled":False,
  "serviceAccountsEnabled":True,"directAccessGrantsEnabled":False,"protocolMappers":mappers()},
 {"clientId":"chorus-test","name":"TEST ONLY: direct grants for automated tests and local use; remove in production","publicClient":True,
  "standardFlowEnabled":False,"directAccessGrantsEnabled":True,"protocolMappers":mappers()},
 {"clientId":"chorus-test-expiring","name":"TEST ONLY: tokens that expire after 1 second; remove in production","publicClient":True,
  "standardFlowEnabled":False,"directAccessGrantsEnabled":True,"attributes":{"access.token.lifespan":"1"},"protocolMappers":mappers()},
]
realm = {"realm":"chorus","displayName":"Chorus","enabled":True,"sslRequired":"external","registrationAllowed":False,
 "loginWithEmailAllowed":True,"resetPasswordAllowed":False,"bruteForceProtected":True,"accessTokenLifespan":300,
 "ssoSessionIdleTimeout":1800,"internationalizationEnabled":True,"supportedLocales":["en"],"defaultLocale":"en",
 "roles":{"realm":[{"name":n,"description":d} for n,d in ROLES]},
 "clients":clients,"users":users,
 "components":{"org.keycloak.userprofile.UserProfileProvider":[{"providerId":"declarative-user-profile","subComponents":{},
    "config":{"kc.user.profile.config":[json.dumps(profile,separators=(",",":"))]}}]}}
# A school's own identity provider (Entra ID, Google Workspace) signs in to the account provisioning made from the
# roster, matched by email, without a password prompt; an account nobody rostered is never created (ADR 0386).
FIRST_BROKER_LOGIN = "chorus first broker login"
realm["authenticationFlows"] = [{"alias":FIRST_BROKER_LOGIN,
  "description":"A school's own identity provider signs in to the account provisioning made, matched by email; never creates an account",
  "providerId":"basic-flow","topLevel":True,"builtIn":False,"authenticationExecutions":[
    {"authenticator":a,"authenticatorFlow":False,"requirement":"REQUIRED","priority":p,"userSetupAllowed":False}
    for a,p in (("idp-detect-existing-broker-user",10),("idp-auto-link",20))]}]
realm["firstBrokerLoginFlow"] = FIRST_BROKER_LOGIN
json.dump(realm, open("chorus-realm.json","w"), indent=2)
other = {"realm":"chorus-elsewhere","displayName":"TEST ONLY: another issuer","enabled":True,"sslRequired":"external",
 "clients":[{"clientId":"chorus-test","publicClient":True,"standardFlowEnabled":False,"directAccessGrantsEnabled":True,"protocolMappers":mappers()}],
 "users":[{"username":"stranger","enabled":True,"emailVerified":True,"firstName":"Sam","lastName":"Stranger","email":"stranger@elsewhere.example",
   "credentials":[{"type":"password","value":"chorus-demo","temporary":False}]}]}
json.dump(other, open("chorus-elsewhere-realm.json","w"), indent=2)
# The production realm for k8s/ (imported by the keycloak-realm-import Job): no test clients, no demo users, the
# service secret and the web client's address left as placeholders that Keycloak fills from its environment at import.
TEST_ONLY = {"chorus-test", "chorus-test-expiring"}
production = dict(realm)
production["users"] = [u for u in users if "serviceAccountClientId" in u]
production["clients"] = []
for c in clients:
    if c["clientId"] in TEST_ONLY:
        continue
    c = dict(c)
    if c["clientId"] == "chorus-web":
        c["redirectUris"] = ["${CHORUS_PUBLIC_URL}/*"]
        c["webOrigins"] = ["${CHORUS_PUBLIC_URL}"]
    if c["clientId"] == "chorus-mobile":
        c["redirectUris"] = ["app.chorus.mobile:/oauth2redirect"]
    if c["clientId"] == "chorus-service":
        c["secret"] = "${CHORUS_SERVICE_SECRET}"
    production["clients"].append(c)
json.dump(production, open("../k8s/base/keycloak-realm.json", "w"), indent=2)
