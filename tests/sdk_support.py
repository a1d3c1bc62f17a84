"""The test key and account every test's SDK client and session use (importable from any
test folder; `conftest` names more than one module)."""

TEST_KEY = "sk_test_posapp_tests"
SANDBOX_ACCOUNT = "acct_1PosAppSandbox0001"
