Feature: Permissions
  Administrators may do everything. Other roles need the Integration Applications (List)
  permission for the Integrations list page, and the Integration Application (Full)
  permission to view, create and edit records and to see the Integration field.

  Background:
    Given a production account "Acme"
    And "Acme" creates the integration record "App" permitting user credentials

  @PERM-01 @PERM-02 @ASM-11
  Scenario Outline: A user whose role is <role> <action>
    Given "Acme" has a user "Lee" whose role is <role>
    When "Lee" in "Acme" <action>
    Then it is <outcome>

    Examples: the Integrations list page
      | role                  | action                      | outcome           |
      | administrator         | opens the Integrations list | accepted          |
      | integration-list      | opens the Integrations list | accepted          |
      | integration-full      | opens the Integrations list | refused by PERM-01 |
      | no-integration-access | opens the Integrations list | refused by PERM-01 |

    Examples: a record's page
      | role                  | action                                   | outcome            |
      | administrator         | views the integration record "App"       | accepted           |
      | integration-list      | views the integration record "App"       | refused by PERM-02 |
      | integration-full      | views the integration record "App"       | accepted           |
      | no-integration-access | views the integration record "App"       | refused by PERM-02 |

    Examples: creating and editing records
      | role                  | action                                                                | outcome            |
      | administrator         | creates the integration record "New" permitting user credentials     | accepted           |
      | integration-list      | creates the integration record "New" permitting user credentials     | refused by PERM-02 |
      | integration-full      | creates the integration record "New" permitting user credentials     | accepted           |
      | no-integration-access | creates the integration record "New" permitting user credentials     | refused by PERM-02 |
      | integration-list      | sets the Note of "App" to "checked"                                   | refused by PERM-02 |
      | integration-full      | sets the Note of "App" to "checked"                                   | accepted           |

    Examples: the SOAP web services operations search
      | role                  | action                                 | outcome  |
      | integration-list      | searches the SOAP web services operations | accepted |
      | no-integration-access | searches the SOAP web services operations | accepted |

  @PERM-01
  Scenario: Without the list permission the page is refused with INSUFFICIENT_PERMISSION
    Given "Acme" has a user "Clerk" whose role is no-integration-access
    When "Clerk" in "Acme" opens the Integrations list
    Then it is refused with code INSUFFICIENT_PERMISSION

  @ASM-11 @PERM-02
  Scenario: The Full permission does not include the Integrations list page
    Given "Acme" has a user "Fay" with e-mail "fay@acme.example" whose role is Integration Application (Full)
    When "Fay" in "Acme" views the integration record "App"
    Then it is accepted
    And the record page shows the Application ID
    When "Fay" in "Acme" opens the Integrations list
    Then it is refused by PERM-01

  @PERM-02 @LOG-01
  Scenario: Only the Full permission shows the Integration field in operation searches
    Given "Acme" has a user "Fay" whose role is integration-full
    And "Acme" has a user "Lee" whose role is integration-list
    And "Acme" creates the integration record "Sync" permitting user credentials with:
      | Name | Order sync |
    And "Acme" receives a get request on endpoint 2019.1 with user credentials and the Application ID of "Sync"
    And "Acme" receives a get request on endpoint 2015.1 with user credentials
    When "Fay" in "Acme" searches the SOAP web services operations
    Then the operations search shows 2 operations
    And the operations search shows the Integration field
    And the operations search attributes operation 1 to "Order sync"
    And the operations search attributes operation 2 to "Default Web Services Integrations"
    When "Lee" in "Acme" searches the SOAP web services operations
    Then the operations search shows 2 operations
    And the operations search hides the Integration field
